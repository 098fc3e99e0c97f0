"""The web service: the system of record for assessments and leads, the report page and the chat page."""
