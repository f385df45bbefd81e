export { ArticleViewer, type ArticleViewerProps, type NewClaimSelection, type ViewerHighlight } from "./article-viewer";
export { VerdictLegend, type VerdictLegendProps } from "./verdict-legend";
export { claimIdsAtPoint, pickClaim } from "./pick-claim";
