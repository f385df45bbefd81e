// Progressive enhancement for the reader page, shipped as one inline script whose sha256 is
// the only script the page's Content-Security-Policy allows (lib/server/publishing/reader-csp.ts).
// Without it the page still works: each highlight's number links to its claim card in the list
// below the text. With it, clicking or focusing-and-pressing-Enter on a highlight or its number
// opens the claim card as a popover kept inside the viewport (a bottom sheet on phones); a
// passage shared by several claims lists all of their cards. Escape closes it and returns
// focus, and /r/<slug>#claim-<id> scrolls to the claim and opens its card.
// Plain JavaScript in a string on purpose: a bundled function's toString() can pick up
// bundler helpers (e.g. __name) that do not exist in the browser. Covered by e2e/reader.spec.ts.

const ENHANCE_READER_JS = `function enhanceReader() {
    const doc = document;
    doc.documentElement.classList.add("js");
    let panel = null;
    let trigger = null;
    let skipHash = false;
    const GAP = 8;
    const EDGE = 12;
    const mobile = window.matchMedia("(max-width: 640px)");
    const idsOf = (el) => (el.dataset.claims || "").split(" ").filter(Boolean);
    const marksOf = (id) => Array.from(doc.querySelectorAll("mark.fm-mark")).filter((m) => idsOf(m).includes(id));
    function close(restoreFocus) {
        if (!panel)
            return;
        panel.remove();
        panel = null;
        doc.querySelectorAll(".fm-active").forEach((el) => el.classList.remove("fm-active"));
        if (restoreFocus && trigger)
            trigger.focus();
        trigger = null;
    }
    // The line box of the anchor that was clicked (a highlight can wrap over several lines).
    function anchorRect(anchor, point) {
        const rects = Array.from(anchor.getClientRects());
        if (point)
            for (const r of rects)
                if (point.y >= r.top - 2 && point.y <= r.bottom + 2 && point.x >= r.left - 2 && point.x <= r.right + 2)
                    return r;
        return rects[rects.length - 1] || anchor.getBoundingClientRect();
    }
    // Keeps the card inside the viewport: below the anchor, flipped above when there is no room,
    // else shifted to fit (and scrolling inside itself when taller than the window).
    function place(p, anchor, point) {
        if (mobile.matches || !anchor) {
            p.classList.add("fm-sheet");
            return;
        }
        const vw = doc.documentElement.clientWidth;
        const vh = window.innerHeight;
        const r = anchorRect(anchor, point);
        const width = Math.min(420, vw - EDGE * 2);
        p.style.width = width + "px";
        p.style.maxHeight = (vh - EDGE * 2) + "px";
        const height = p.offsetHeight;
        const below = vh - r.bottom - GAP - EDGE;
        const above = r.top - GAP - EDGE;
        let top;
        if (height <= below)
            top = r.bottom + GAP;
        else if (height <= above) {
            top = r.top - GAP - height;
            p.classList.add("fm-above");
        }
        else
            top = Math.max(EDGE, Math.min(r.bottom + GAP, vh - EDGE - height));
        const left = Math.max(EDGE, Math.min(r.left, vw - EDGE - width));
        p.style.left = (left + window.scrollX) + "px";
        p.style.top = (top + window.scrollY) + "px";
    }
    function cardFor(id, many) {
        const card = doc.getElementById("claim-" + id);
        if (!card)
            return null;
        const body = card.cloneNode(true);
        body.removeAttribute("id");
        body.querySelectorAll("[id]").forEach((el) => el.removeAttribute("id"));
        body.querySelectorAll(".fm-back,.fm-permalink").forEach((el) => el.remove());
        const more = doc.createElement("a");
        more.href = "#claim-" + id;
        more.className = "fm-pop-more";
        const num = body.querySelector(".fm-num");
        more.textContent = many && num ? "Go to " + num.textContent.toLowerCase() + " in the list" : "Go to this claim in the list";
        more.addEventListener("click", () => {
            if (window.location.hash !== more.hash)
                skipHash = true;
            close(false);
        });
        body.append(more);
        return body;
    }
    // One card per claim on the clicked spot: overlapping claims are listed together.
    function open(ids, from, anchor, point) {
        const cards = ids.map((id) => cardFor(id, ids.length > 1)).filter(Boolean);
        if (!cards.length)
            return;
        close(false);
        const p = doc.createElement("div");
        p.className = "fm-pop";
        p.setAttribute("role", "dialog");
        p.setAttribute("aria-modal", "false");
        p.tabIndex = -1;
        const closeButton = doc.createElement("button");
        closeButton.type = "button";
        closeButton.className = "fm-pop-close";
        closeButton.setAttribute("aria-label", ids.length > 1 ? "Close the claim cards" : "Close the claim card");
        closeButton.textContent = "×";
        closeButton.addEventListener("click", () => close(true));
        p.append(closeButton);
        if (cards.length > 1) {
            const head = doc.createElement("p");
            head.className = "fm-pop-head";
            head.id = "fm-pop-title";
            head.textContent = cards.length + " claims overlap here";
            p.setAttribute("aria-labelledby", "fm-pop-title");
            p.append(head);
            cards.forEach((c) => c.classList.add("fm-pop-item"));
        }
        else {
            const title = cards[0].querySelector("h3");
            if (title) {
                title.id = "fm-pop-title";
                p.setAttribute("aria-labelledby", "fm-pop-title");
            }
        }
        p.append(...cards);
        doc.body.append(p);
        place(p, anchor, point);
        ids.forEach((id) => marksOf(id).forEach((m) => m.classList.add("fm-active")));
        panel = p;
        trigger = from;
        p.focus({ preventScroll: true });
    }
    function openFromHash() {
        const m = /^#claim-([A-Za-z0-9_-]+)$/.exec(window.location.hash);
        if (!m)
            return;
        const mark = marksOf(m[1])[0] || null;
        if (mark)
            mark.scrollIntoView({ block: "center" });
        const ref = doc.querySelector('.fm-ref[data-claim="' + m[1] + '"]');
        open([m[1]], ref, mark, null);
    }
    doc.addEventListener("click", (event) => {
        const target = event.target;
        if (panel && panel.contains(target))
            return;
        // A drag that selected words is not a click on a claim.
        const selection = window.getSelection();
        if (selection && !selection.isCollapsed && selection.toString().trim())
            return;
        const ref = target.closest(".fm-ref");
        const mark = ref ? null : target.closest("mark.fm-mark");
        if (ref || mark) {
            const ids = ref ? [ref.dataset.claim || ""] : idsOf(mark).slice().reverse();
            if (!ids[0])
                return;
            event.preventDefault();
            const anchor = ref || mark;
            const focusBack = ref || doc.querySelector('.fm-ref[data-claim="' + ids[0] + '"]');
            open(ids, focusBack, anchor, { x: event.clientX, y: event.clientY });
            history.replaceState(null, "", "#claim-" + ids[0]);
            return;
        }
        close(false);
    });
    doc.addEventListener("keydown", (event) => {
        if (event.key === "Escape" && panel) {
            event.preventDefault();
            close(true);
        }
    });
    window.addEventListener("hashchange", () => {
        if (skipHash)
            skipHash = false;
        else
            openFromHash();
    });
    openFromHash();
}`;

/** The script element's text: the function, run once (the script sits at the end of <body>). */
export function readerScriptSource(): string {
  return `${ENHANCE_READER_JS}\nenhanceReader();\n`;
}
