"""The language server: argmap lsp."""
