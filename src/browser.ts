/**
 * coachlint for the browser (`dist/browser/coachlint.js`, an ES module):
 * the linter, the rules and pre-send checks, with no Node built-ins.
 *
 * The English language model (wink-nlp) is a separate chunk: call
 * `loadEnglish()` to fetch it. Until it has loaded, the English analysis is
 * empty; the rules' lexical checks all run from the first call.
 */
export {
  all,
  applySuggestion,
  builtinPlugin,
  createLinter,
  DEFAULT_THRESHOLDS,
  defineRule,
  DraftInputError,
  englishLoaded,
  fixOf,
  lintDraft,
  loadEnglish,
  recommended,
  resolveConfig,
  verdictOf
} from './index.js'
export type * from './index.js'
