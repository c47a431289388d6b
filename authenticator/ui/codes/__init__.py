"""The code list: model, delegate, row painting."""
