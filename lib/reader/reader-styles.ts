// The reader and embed pages' stylesheet. They are served outside Next's CSS pipeline (see
// app/r/[slug]/route.ts), so this is plain CSS, inlined and allowed by its sha256 in the CSP.

export const READER_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;scroll-padding-top:1rem}
body{margin:0;background:#fff;color:#111827;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;line-height:1.5}
a{color:#1d4ed8;text-underline-offset:2px}
a:focus-visible,button:focus-visible,[tabindex]:focus-visible{outline:3px solid #2563eb;outline-offset:2px;border-radius:3px}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.skip{position:absolute;left:-999px;top:0;background:#111827;color:#fff;padding:.5rem 1rem;z-index:50}
.skip:focus{left:1rem;top:.5rem}
.bar{border-bottom:1px solid #e5e7eb;background:#f8fafc}
.bar-in{max-width:46rem;margin:0 auto;padding:.75rem 1.25rem;display:flex;align-items:center;gap:.75rem;flex-wrap:wrap;font-size:.875rem}
.bar-org{font-weight:700;color:#111827;text-decoration:none}
.bar-tag{display:inline-block;background:#1e3a8a;color:#fff;font-size:.7rem;font-weight:700;letter-spacing:.06em;text-transform:uppercase;padding:.15rem .5rem;border-radius:999px}
.bar-nav{margin-left:auto;display:flex;gap:1rem}
.bar-nav a{color:#374151}
main{max-width:46rem;margin:0 auto;padding:2rem 1.25rem 4rem}
.kicker{font-size:.8rem;font-weight:700;letter-spacing:.06em;text-transform:uppercase;color:#1e3a8a;margin:0 0 .5rem}
h1.title{font-family:Georgia,"Iowan Old Style","Times New Roman",serif;font-size:clamp(1.75rem,4.5vw,2.5rem);line-height:1.15;margin:0 0 .75rem;letter-spacing:-.01em}
.meta{color:#4b5563;font-size:.9rem;margin:0 0 .25rem}
.meta strong{color:#111827;font-weight:600}
.earlier{margin:0 0 1.5rem;padding:.75rem 1rem;border:1px solid #f59e0b;background:#fffbeb;color:#78350f;border-radius:.5rem}
.earlier p{margin:.2rem 0}
.updated{display:inline-block;margin-top:.5rem;background:#fef3c7;color:#78350f;font-weight:600;font-size:.8rem;padding:.15rem .55rem;border-radius:999px;text-decoration:none}
.summary{margin:1.75rem 0;padding:1.25rem;border:1px solid #e5e7eb;border-radius:.75rem;background:#f8fafc}
.summary h2{font-size:.8rem;letter-spacing:.06em;text-transform:uppercase;color:#4b5563;margin:0 0 .35rem}
.summary-sentence{font-size:1.15rem;font-weight:600;margin:0 0 .9rem}
.chart{display:block;width:100%;height:14px;border-radius:7px;overflow:hidden;margin:0 0 .9rem}
.legend{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.4rem .9rem;font-size:.875rem}
.legend li{display:flex;align-items:center;gap:.4rem}
.swatch{width:.9rem;height:.9rem;border-radius:3px;border:1px solid rgba(17,24,39,.25);flex:none}
.legend .count{font-weight:700}
.legend .zero{color:#6b7280}
.how{font-size:.85rem;color:#4b5563;margin:.9rem 0 0}
.prose{font-family:Georgia,"Iowan Old Style","Times New Roman",serif;font-size:1.15rem;line-height:1.8;color:#111827}
.prose h1,.prose h2,.prose h3,.prose h4,.prose h5,.prose h6{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.3;margin:1.75rem 0 .75rem}
.prose p{margin:0 0 1.2rem}
.prose ul,.prose ol{padding-left:1.5rem;margin:0 0 1.2rem}
.prose blockquote{border-left:3px solid #e5e7eb;margin:0 0 1.2rem;padding-left:1rem;color:#374151}
.prose figure{margin:1.5rem 0}
.prose .image-link{display:inline-block;padding:.5rem .75rem;border:1px dashed #cbd5e1;border-radius:.375rem;font-size:.875rem;color:#475569}
.prose img{max-width:100%;height:auto;border-radius:.375rem}
.prose figcaption{font-family:system-ui,sans-serif;font-size:.85rem;color:#4b5563;margin-top:.4rem}
.section-h{font-size:1.35rem;margin:3rem 0 1rem;padding-top:1.25rem;border-top:2px solid #111827}
mark.fm-mark{color:#111827;padding:.05em 0;border-bottom:2px solid rgba(17,24,39,.45);border-radius:2px;box-decoration-break:clone;-webkit-box-decoration-break:clone}
mark.fm-overlap{border-bottom:4px double #111827;background-size:100% 100%}
mark.fm-ref-host{padding-left:.1em}
.js mark.fm-mark{cursor:pointer}
mark.fm-mark.fm-active{outline:2px solid #1e3a8a;outline-offset:1px}
a.fm-ref{position:relative;display:inline-block;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:.68em;font-weight:700;vertical-align:super;line-height:1;text-decoration:none;color:#111827;background:#fff;border:1px solid #6b7280;border-radius:999px;padding:.1em .45em;margin-left:.15em;white-space:nowrap}
a.fm-ref:hover{background:#111827;color:#fff}
.fm-ref-v{font-weight:600}
.claims{list-style:none;margin:0;padding:0;display:grid;gap:1rem}
.fm-card{border:1px solid #e5e7eb;border-radius:.75rem;padding:1.1rem 1.25rem;background:#fff;scroll-margin-top:1rem}
.fm-card:target{box-shadow:0 0 0 3px #1e3a8a}
.fm-card-head{display:flex;align-items:center;gap:.5rem;flex-wrap:wrap;margin-bottom:.5rem}
.fm-num{font-weight:700;font-size:.8rem;color:#374151;border:1px solid #9ca3af;border-radius:999px;padding:0 .5rem}
.fm-chip{display:inline-block;font-weight:700;font-size:.85rem;color:#111827;padding:.15rem .6rem;border-radius:.375rem;border:1px solid rgba(17,24,39,.2)}
.fm-card h3{font-family:Georgia,"Times New Roman",serif;font-size:1.2rem;line-height:1.35;margin:.25rem 0 .35rem}
.fm-claimant{margin:0 0 .6rem;color:#374151;font-size:.9rem}
.fm-quote{margin:0 0 .75rem;padding:.4rem .75rem;border-left:3px solid #d1d5db;color:#374151;font-family:Georgia,serif;font-style:italic;font-size:.95rem}
.fm-rationale{font-family:Georgia,serif;font-size:1rem;line-height:1.65}
.fm-rationale p{margin:0 0 .6rem}
.fm-rationale ul,.fm-rationale ol{padding-left:1.25rem;margin:0 0 .6rem}
.fm-card h4{font-size:.75rem;letter-spacing:.06em;text-transform:uppercase;color:#4b5563;margin:1rem 0 .4rem}
.fm-sources{margin:0;padding:0;list-style:none;display:grid;gap:.5rem;font-size:.9rem}
.fm-sources li{display:flex;gap:.5rem;align-items:baseline}
.fm-stance{flex:none;font-size:.72rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em;padding:.05rem .4rem;border-radius:.25rem;border:1px solid}
.s-supports{color:#14532d;background:#f0fdf4;border-color:#86efac}
.s-refutes{color:#7f1d1d;background:#fef2f2;border-color:#fca5a5}
.s-context{color:#1f2937;background:#f3f4f6;border-color:#d1d5db}
.fm-src-detail{color:#4b5563}
.fm-excerpt{display:block;color:#374151;font-style:italic;margin-top:.15rem}
.fm-checked-before{margin:.8rem 0 0;padding:.4rem .6rem;border-left:3px solid #9ca3af;background:#f9fafb;font-size:.88rem}
.fm-reviewed{margin:1rem 0 0;font-size:.82rem;color:#4b5563}
.fm-back{display:inline-block;margin-top:.5rem;font-size:.82rem}
.corrections{list-style:none;margin:0;padding:0;display:grid;gap:1rem}
.corrections li{border-left:3px solid #f59e0b;padding:.25rem 0 .25rem 1rem}
.corrections h3{font-size:1rem;margin:0 0 .25rem}
.corrections ul{margin:.35rem 0 0;padding-left:1.1rem;font-size:.92rem;color:#374151}
.corrections del{color:#991b1b;background:#fef2f2;text-decoration:line-through}
.corrections ins{color:#14532d;background:#f0fdf4;text-decoration:underline}
.muted{color:#4b5563}
footer.foot{max-width:46rem;margin:0 auto;padding:1.5rem 1.25rem 3rem;border-top:1px solid #e5e7eb;color:#4b5563;font-size:.85rem}
.fm-pop{position:absolute;z-index:40;background:#fff;border:1px solid #d1d5db;border-radius:.75rem;box-shadow:0 20px 40px -12px rgba(17,24,39,.35);padding:1rem 1.1rem;max-height:calc(100vh - 24px);overflow:auto;overscroll-behavior:contain}
.fm-pop:focus{outline:none}
.fm-pop:focus-visible{outline:3px solid #2563eb}
.fm-pop .fm-card{border:0;padding:0;box-shadow:none}
.fm-pop-close{position:absolute;top:.5rem;right:.5rem;width:2.25rem;height:2.25rem;border-radius:999px;border:1px solid #d1d5db;background:#fff;font-size:1.25rem;line-height:1;cursor:pointer;color:#111827}
.fm-pop-close:hover{background:#f3f4f6}
.fm-pop-more{display:inline-block;margin-top:.75rem;font-size:.85rem}
.fm-pop-head{margin:0 2.5rem .75rem 0;font-weight:700;font-size:.9rem;color:#1e3a8a}
.fm-pop .fm-pop-item+.fm-pop-item{border-top:1px solid #e5e7eb;margin-top:1rem;padding-top:1rem}
.fm-permalink{display:inline-block;margin:.5rem 0 0 1rem;font-size:.82rem}
.fm-pop.fm-sheet{position:fixed;left:0;right:0;bottom:0;top:auto;width:auto;max-height:75vh;border-radius:1rem 1rem 0 0;padding:1.25rem 1.1rem 1.5rem;box-shadow:0 -12px 32px -8px rgba(17,24,39,.35)}
.fm-pop.fm-sheet::before{content:"";display:block;width:2.5rem;height:.3rem;border-radius:999px;background:#d1d5db;margin:-.5rem auto .75rem}
.status{max-width:36rem;margin:4rem auto;padding:0 1.25rem;text-align:left}
.status .code{font-size:.8rem;font-weight:700;letter-spacing:.08em;text-transform:uppercase;color:#4b5563}
.status h1{font-family:Georgia,serif;font-size:2rem;line-height:1.2;margin:.5rem 0 1rem}
.status p{font-size:1.05rem;color:#374151}
.status .reason{border-left:3px solid #b91c1c;padding-left:1rem;color:#111827}
.embed main{padding:1rem 1rem 1.25rem;max-width:none}
.embed .head{display:flex;align-items:center;gap:.5rem;flex-wrap:wrap;font-size:.8rem;color:#4b5563;margin-bottom:.35rem}
.embed .e-date{white-space:nowrap}
.embed h1.title{font-size:1.25rem;margin:0 0 .5rem}
.embed .summary{margin:.75rem 0;padding:.75rem}
.embed .claims{gap:.5rem}
.embed .e-claim{display:flex;gap:.6rem;align-items:flex-start;border:1px solid #e5e7eb;border-radius:.5rem;padding:.6rem .75rem;font-size:.92rem}
.embed .e-claim .fm-chip{flex:none;white-space:nowrap;text-align:center;line-height:1.35}
.embed .e-claim div{min-width:0;padding-top:.1rem}
.embed .e-claim p{margin:0}
.embed .e-more{font-size:.85rem;margin:.75rem 0 0}
@media (max-width:640px){
  main{padding:1.25rem 1rem 3rem}
  .prose{font-size:1.08rem}
  .bar-nav{margin-left:0}
}
@page{margin:18mm 16mm}
@media print{
  .bar,.skip,.fm-pop,.fm-back,.fm-permalink,.bar-nav{display:none!important}
  /* A grid is not split across pages: the whole list would jump to the next page, leaving its heading behind. */
  .claims,.corrections{display:block}
  .claims>li+li,.corrections>li+li{margin-top:1rem}
  .section-h,h1.title,.fm-card-head{break-after:avoid}
  body{font-size:11pt}
  main{max-width:none;padding:0}
  footer.foot{max-width:none;padding:1rem 0 0}
  .embed main{padding:0}
  mark.fm-mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  a.fm-ref{border-color:#111827}
  .fm-card{break-inside:avoid;border-color:#9ca3af}
  .fm-card a[href^="http"]::after,.corrections a[href^="http"]::after,.meta a[href^="http"]::after{content:" <" attr(href) ">";font-size:.8em;color:#374151;word-break:break-all}
  .summary,.chart,.swatch,.fm-chip{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}

`;
