export { escapeText, escapeAttr, escapeScriptText } from './escape.js';
export { isValidAttributeName, isValidTagName, isValidStyleProperty } from './names.js';
export { isUrlAttribute, isSafeUrl, sanitizeUrl, BLOCKED_URL } from './url.js';
export { renderAttribute } from './attribute.js';
export { setSafetyReporter, type SafetyIssue, type SafetyReporter } from './report.js';
