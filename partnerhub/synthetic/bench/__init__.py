"""`partnerhub bench`: figures measured side by side with their baselines."""
