"""The owner's pages: the demo host page with the chat, the report with its peers and its PDF."""
