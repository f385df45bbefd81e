// Progressive enhancement for the reader page, shipped as one inline script whose sha256 is
// the only script the page's Content-Security-Policy allows (lib/server/publishing/reader-csp.ts).
// Without it the page still works: each highlight's number links to its claim card in the list
// below the text. With it, clicking or focusing-and-pressing-Enter on a highlight or its number
// opens the claim card as a popover (a bottom sheet on phones), Escape closes it and returns
// focus, and /r/<slug>#claim-<id> scrolls to the claim and opens its card.
// Plain JavaScript in a string on purpose: a bundled function's toString() can pick up
// bundler helpers (e.g. __name) that do not exist in the browser. Covered by e2e/reader.spec.ts.

const ENHANCE_READER_JS = `function enhanceReader() {
    const doc = document;
    doc.documentElement.classList.add("js");
    let panel = null;
    let trigger = null;
    let skipHash = false;
    const mobile = window.matchMedia("(max-width: 640px)");
    const marksOf = (id) => Array.from(doc.querySelectorAll("mark.fm-mark")).filter((m) => (m.dataset.claims || "").split(" ").includes(id));
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
    function place(p, anchor) {
        if (mobile.matches || !anchor) {
            p.classList.add("fm-sheet");
            return;
        }
        const r = anchor.getBoundingClientRect();
        const width = Math.min(420, window.innerWidth - 32);
        p.style.width = \`\${width}px\`;
        p.style.left = \`\${Math.max(16, Math.min(r.left + window.scrollX, window.scrollX + window.innerWidth - width - 16))}px\`;
        p.style.top = \`\${r.bottom + window.scrollY + 8}px\`;
    }
    function open(id, from, anchor) {
        const card = doc.getElementById(\`claim-\${id}\`);
        if (!card)
            return;
        close(false);
        const p = doc.createElement("div");
        p.className = "fm-pop";
        p.setAttribute("role", "dialog");
        p.setAttribute("aria-modal", "false");
        p.tabIndex = -1;
        const body = card.cloneNode(true);
        body.removeAttribute("id");
        body.querySelectorAll("[id]").forEach((el) => el.removeAttribute("id"));
        body.querySelectorAll(".fm-back").forEach((el) => el.remove());
        const title = body.querySelector("h3");
        if (title) {
            title.id = "fm-pop-title";
            p.setAttribute("aria-labelledby", "fm-pop-title");
        }
        const closeButton = doc.createElement("button");
        closeButton.type = "button";
        closeButton.className = "fm-pop-close";
        closeButton.setAttribute("aria-label", "Close the claim card");
        closeButton.textContent = "×";
        closeButton.addEventListener("click", () => close(true));
        const more = doc.createElement("a");
        more.href = \`#claim-\${id}\`;
        more.className = "fm-pop-more";
        more.textContent = "Go to this claim in the list";
        more.addEventListener("click", () => {
            if (window.location.hash !== more.hash)
                skipHash = true;
            close(false);
        });
        p.append(closeButton, body, more);
        doc.body.append(p);
        place(p, anchor);
        marksOf(id).forEach((m) => m.classList.add("fm-active"));
        panel = p;
        trigger = from;
        p.focus({ preventScroll: !mobile.matches && !!anchor });
    }
    function openFromHash() {
        const m = /^#claim-([A-Za-z0-9_-]+)$/.exec(window.location.hash);
        if (!m)
            return;
        const mark = marksOf(m[1])[0] ?? null;
        if (mark)
            mark.scrollIntoView({ block: "center" });
        const ref = doc.querySelector(\`.fm-ref[data-claim="\${m[1]}"]\`);
        open(m[1], ref, mark);
    }
    doc.addEventListener("click", (event) => {
        const target = event.target;
        if (panel && panel.contains(target))
            return;
        const ref = target.closest(".fm-ref");
        const mark = target.closest("mark.fm-mark");
        if (ref || mark) {
            const ids = ref ? [ref.dataset.claim || ""] : (mark.dataset.claims || "").split(" ");
            const id = ids[ids.length - 1];
            if (!id)
                return;
            event.preventDefault();
            const anchor = mark ?? marksOf(id).pop() ?? ref;
            const focusBack = ref ?? doc.querySelector(\`.fm-ref[data-claim="\${id}"]\`);
            open(id, focusBack, anchor);
            history.replaceState(null, "", \`#claim-\${id}\`);
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
