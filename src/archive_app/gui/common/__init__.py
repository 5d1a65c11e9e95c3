"""Parts every feature shares: the task runner, dialogs, display texts, errors, i18n."""
