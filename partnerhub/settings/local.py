"""Local settings: safe defaults so ``make run`` works with nothing configured."""

from partnerhub.settings.base import *  # noqa: F403
from partnerhub.settings.base import SECRET_KEY as _SECRET_KEY
from partnerhub.settings.env import env_bool

DEBUG = env_bool("DEBUG", False)
# A fixed development key is acceptable only because this module is never the production one.
SECRET_KEY = _SECRET_KEY or "partnerhub-local-development-key-not-for-production"
