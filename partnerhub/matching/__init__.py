"""Partner recommendations: which organisations to invite to a local problem or partnership."""
