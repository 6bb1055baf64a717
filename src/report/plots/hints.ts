/** Plot hints are declared on claims (src/claims/Claim.ts) and carried by the summary. */
export type { PlotHints, PlotReference as Reference } from '../../claims/Claim.js';
