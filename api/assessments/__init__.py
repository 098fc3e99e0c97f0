"""Anonymous assessments: the scan's answers checked against the questionnaire and stored with their result
(bot.result decides it)."""
