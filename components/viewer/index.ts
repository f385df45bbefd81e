export { ArticleViewer, type ArticleViewerProps, type HighlightGroup, type NewClaimSelection, type ViewerHighlight } from "./article-viewer";
export { VerdictLegend, type VerdictLegendProps } from "./verdict-legend";
export { pickClaim } from "./pick-claim";
