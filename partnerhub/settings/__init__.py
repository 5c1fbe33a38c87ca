"""Settings split by purpose: base (shared), local (default), production, test."""
