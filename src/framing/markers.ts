// Word classes that frame a statement, shared by the claims and framing stages: hedges (what
// softens a claim), certainty markers (what hardens one), intensifiers, the outlet's own opinion,
// and statements about the future. General English; no story's wording.

/** Words that soften a claim: reported, possible, planned, considered, not established. */
export const HEDGE =
  /\b(reportedly|allegedly|apparently|possibly|perhaps|probably|likely|unlikely|potentially|purportedly|supposedly|may|might|could|would|appears?|appeared|seems?|seemed|considering|considers|weighing|weighs|exploring|explores|mulling|mulls|poised to|expected to|plans? to|planning to|proposed|proposes|unconfirmed|rumou?red|believed to|said to be|is said to|are said to|suggest(?:s|ed)?|early stages?)\b/gi;

/** Words that present a statement as beyond doubt. */
export const CERTAINTY = /\b(clearly|certainly|undoubtedly|definitely|obviously|of course|in fact|no doubt|without doubt|undeniably|indisputably|unquestionably|surely|plainly|it is clear that|there is no question)\b/gi;

/** Words that turn a statement up. */
export const INTENSIFIER = /\b(very|extremely|highly|deeply|utterly|totally|completely|absolutely|incredibly|remarkably|truly|massive|huge|enormous|staggering|sweeping|fierce|bitter|stunning|dramatic|dramatically|sharply|wildly|hugely|vastly|severely|gravely)\b/gi;

/** The outlet speaking for itself: first person, or what should be done. */
export const OPINION = /\b(we believe|we think|in our view|in my view|i believe|i think|should|must|ought to|it is time|needs to be)\b/gi;

/** A statement about what will happen. */
export const FUTURE = /\b(will|won't|is going to|are going to|is set to|are set to|is poised to|are poised to)\b/i;
