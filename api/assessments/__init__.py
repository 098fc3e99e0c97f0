"""Anonymous assessments: the scan's answers checked against the questionnaire, its result stored (bot.result decides it)."""
