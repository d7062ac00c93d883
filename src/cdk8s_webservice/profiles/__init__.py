"""An environment's profile: everything that differs between development, staging and production."""
