// The demo's fact-check of the sample article: claims with verdicts, rationales and primary
// sources, reviewed by a colleague and published, plus one claim still in review (never shown
// to readers). Everything goes through the same services the app uses.
import type { Actor } from "@/lib/auth/actor";
import { describeRange } from "@/lib/anchoring";
import { db } from "@/lib/db";
import type { CreateSourceInput } from "@/lib/schemas/claim";
import { createClaim } from "@/lib/server/claims/create-claim";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { publishArticle } from "@/lib/server/publishing/publish-article";
import { addSource } from "@/lib/server/sources/add-source";

interface DemoClaim {
  quote: string;
  statement: string;
  claimant: string;
  verdict: string;
  rationale: string;
  sources: CreateSourceInput[];
  /** Stop in review instead of approving (stays internal). */
  inReview?: boolean;
}

const ACCESSED = "2026-11-20";

export const DEMO_CLAIMS: DemoClaim[] = [
  {
    quote: "Russia annexed Crimea from Ukraine in 2014",
    statement: "Russia annexed Crimea from Ukraine in 2014.",
    claimant: "Michael R. Gordon (reporter)",
    verdict: "true",
    rationale:
      "<p>Russia annexed Crimea in <strong>March 2014</strong> after a referendum held under military occupation. The UN General Assembly (resolution 68/262) affirmed Ukraine's territorial integrity and called the referendum invalid; Ukraine and most states do not recognise the annexation.</p>",
    sources: [
      {
        url: "https://digitallibrary.un.org/record/767565",
        title: "Resolution 68/262: Territorial integrity of Ukraine",
        publisher: "United Nations General Assembly",
        publishedOn: "2014-03-27",
        accessedOn: ACCESSED,
        excerpt: "Underscores that the referendum held in the Autonomous Republic of Crimea and the city of Sevastopol on 16 March 2014, having no validity, cannot form the basis for any alteration of the status…",
        stance: "SUPPORTS",
      },
    ],
  },
  {
    quote: "NATO stated in 2008 that Ukraine and Georgia would one day be members",
    statement: "NATO said in 2008 that Ukraine and Georgia would one day become members.",
    claimant: "Michael R. Gordon (reporter)",
    verdict: "true",
    rationale:
      "<p>The Bucharest Summit Declaration of 3 April 2008 states: <em>“We agreed today that these countries will become members of NATO.”</em> No Membership Action Plan followed, which matches the article's point that the pledge was not fulfilled.</p>",
    sources: [
      {
        url: "https://www.nato.int/cps/en/natolive/official_texts_8443.htm",
        title: "Bucharest Summit Declaration",
        publisher: "NATO",
        publishedOn: "2008-04-03",
        accessedOn: ACCESSED,
        excerpt: "NATO welcomes Ukraine's and Georgia's Euro-Atlantic aspirations for membership in NATO. We agreed today that these countries will become members of NATO.",
        stance: "SUPPORTS",
      },
    ],
  },
  {
    quote: "Mr Putin has ordered a mass dispatch of troops to Ukraine",
    statement: "Putin has ordered a mass dispatch of troops to Ukraine.",
    claimant: "Michael R. Gordon (reporter)",
    verdict: "misleading",
    rationale:
      "<p>At the time of the article (December 2021) Russian troops were massed <strong>near</strong> Ukraine's borders, not dispatched into Ukraine, as the article's own subheading (“Moscow builds troops near Ukraine”) says. The wording suggests an incursion that had not happened.</p>",
    sources: [
      {
        url: "http://en.kremlin.ru/events/president/news/67438",
        title: "Vladimir Putin's annual news conference",
        publisher: "President of Russia",
        publishedOn: "2021-12-23",
        accessedOn: ACCESSED,
        stance: "CONTEXT",
      },
    ],
  },
  {
    quote: "reiterated the formula codified by former President Ronald Reagan and Soviet leader Mikhail Gorbachev",
    statement: "At their June 2021 summit, Biden and Putin reiterated the Reagan–Gorbachev formula that a nuclear war cannot be won and must never be fought.",
    claimant: "Michael R. Gordon (reporter)",
    verdict: "true",
    rationale:
      "<p>The U.S.–Russia Presidential Joint Statement on Strategic Stability (Geneva, 16 June 2021) reaffirms <em>“the principle that a nuclear war cannot be won and must never be fought”</em>, first set out in the 1985 Reagan–Gorbachev joint statement.</p>",
    sources: [
      {
        url: "https://www.whitehouse.gov/briefing-room/statements-releases/2021/06/16/u-s-russia-presidential-joint-statement-on-strategic-stability/",
        title: "U.S.-Russia Presidential Joint Statement on Strategic Stability",
        publisher: "The White House",
        publishedOn: "2021-06-16",
        accessedOn: ACCESSED,
        stance: "SUPPORTS",
      },
      {
        url: "https://www.reaganlibrary.gov/archives/speech/joint-soviet-united-states-statement-summit-meeting-geneva",
        title: "Joint Soviet-United States Statement on the Summit Meeting in Geneva",
        publisher: "Ronald Reagan Presidential Library",
        publishedOn: "1985-11-21",
        accessedOn: ACCESSED,
        stance: "CONTEXT",
      },
    ],
  },
  {
    quote: "Ukraine’s military is receiving Western weapons systems and training from members of NATO",
    statement: "Ukraine's military receives Western weapons systems and training from NATO members.",
    claimant: "Michael R. Gordon (reporter)",
    verdict: "mostly-true",
    rationale:
      "<p>NATO allies, notably the United States, the United Kingdom and Canada, provided training missions and equipment to Ukraine from 2014. The supplies were largely bilateral, from individual allies rather than from NATO as an alliance.</p>",
    sources: [
      {
        url: "https://www.nato.int/cps/en/natohq/topics_37750.htm",
        title: "Relations with Ukraine",
        publisher: "NATO",
        accessedOn: ACCESSED,
        stance: "SUPPORTS",
      },
    ],
  },
  {
    quote: "the war between Kiev and Russian-backed separatists has been running low",
    statement: "The war between Kyiv and Russian-backed separatists has been running low.",
    claimant: "Michael R. Gordon (reporter)",
    verdict: "unproven",
    rationale: "<p>Ceasefire monitoring reports for 2021 still record regular violations; “running low” needs a definition before it can be rated.</p>",
    sources: [],
    inReview: true,
  },
];

/**
 * Fact-checks and publishes the sample article, unless it already has claims (re-running the
 * demo keeps what editors did). `author` writes the claims; `reviewer` approves them.
 */
export async function seedDemoFactcheck({ articleId, author, reviewer }: { articleId: string; author: Actor; reviewer: Actor }) {
  const existing = await db.claim.count({ where: { articleId } });
  if (existing > 0) return { created: 0, url: null };
  const article = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { canonicalText: true } });

  for (const demo of DEMO_CLAIMS) {
    const start = article.canonicalText.indexOf(demo.quote);
    if (start < 0) throw new Error(`Demo claim quote not found in the sample article: ${demo.quote}`);
    const { quote, position } = describeRange(article.canonicalText, { start, end: start + demo.quote.length });
    let claim = await createClaim({
      actor: author,
      articleId,
      input: { target: { selector: [quote, position] }, statement: demo.statement, claimant: demo.claimant, verdict: demo.verdict, rationale: demo.rationale },
    });
    let version = claim.version;
    for (const source of demo.sources) version = (await addSource({ actor: author, claimId: claim.id, input: source })).claimVersion;
    claim = await updateClaim({ actor: author, claimId: claim.id, version, patch: { status: "IN_REVIEW" } });
    if (!demo.inReview) await updateClaim({ actor: reviewer, claimId: claim.id, version: claim.version, patch: { status: "APPROVED" } });
  }
  const { url } = await publishArticle({ actor: author, articleId, visibility: "PUBLIC" });
  return { created: DEMO_CLAIMS.length, url };
}
