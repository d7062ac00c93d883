"""The service: `WebService` composes the kinds and add-ons a profile asks for, inside an `EnvironmentChart`."""
