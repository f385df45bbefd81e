"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { Input, Textarea } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectSeparator, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { UNRATED_COLOR } from "@/lib/scale/default-scale";
import { CLAIM_LIMITS, type ApiClaim } from "@/lib/schemas/claim";
import { api, ApiError } from "@/lib/api-client";
import { ClaimWorkflowBar, type SaveState } from "./claim-workflow-bar";
import { ClaimHistory } from "./claim-history";
import { missingForApproval, selfApprovalForbidden } from "@/lib/workflow/claim-workflow";
import { fieldsOf, htmlToText, type ClaimField, type ClaimFields, type PanelContext } from "./claim-types";
import { CommentsPanel } from "./comments-panel";
import { ConflictDialog, type ConflictState } from "./conflict-dialog";
import { RichTextEditor } from "./rich-text-editor";
import { SourcesEditor } from "./sources-editor";
import { useClaimantSuggestions } from "./use-claimant-suggestions";
import "./claims.css";
import { RemoteChangeNotice } from "@/components/live/remote-change-notice";
import { EditingNotice } from "@/components/live/presence-bar";
import { fragmentReason } from "@/lib/statements/default-statement";

const NONE = "__none__";
const TEXT_DEBOUNCE_MS = 800;

function missingParts(f: ClaimFields, sourceCount: number): string[] {
  return missingForApproval({ verdictKey: f.verdict, hasRationale: Boolean(htmlToText(f.rationale)), sourceCount });
}

/**
 * The claim editor: fields autosave (debounced for text, at once for pickers), every PATCH
 * carries the version it was based on, and a 409 opens the conflict dialog. Only the fields
 * the user changed are sent, so a colleague's other edits are never overwritten.
 */
export function ClaimEditor({ claim, ctx, onClaimChange }: { claim: ApiClaim; ctx: PanelContext; onClaimChange: (c: ApiClaim) => void }) {
  const [draft, setDraft] = useState<ClaimFields>(() => fieldsOf(claim));
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const [workflowError, setWorkflowError] = useState<string | null>(null);
  // Set when Approve was pressed on a statement that reads as a fragment: approving needs a second click.
  const [fragmentWarning, setFragmentWarning] = useState<string | null>(null);
  const [tab, setTab] = useState("details");
  const [threadCount, setThreadCount] = useState(claim.openThreadCount ?? 0);
  const claimants = useClaimantSuggestions(ctx.workspaceId);

  const [base, setBase] = useState(claim);
  const baseRef = useRef(claim);
  const draftRef = useRef(draft);
  const dirty = useRef(new Set<ClaimField>());
  const chain = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onChangeRef = useRef(onClaimChange);
  useEffect(() => {
    onChangeRef.current = onClaimChange;
  }, [onClaimChange]);

  /** A newer claim from the server: fields the user is not editing follow it. */
  const adopt = useCallback((server: ApiClaim, keep: Set<ClaimField> = dirty.current) => {
    baseRef.current = server;
    setBase(server);
    const fresh = fieldsOf(server);
    const next = { ...draftRef.current };
    for (const k of Object.keys(fresh) as ClaimField[]) if (!keep.has(k)) (next as Record<string, unknown>)[k] = fresh[k];
    draftRef.current = next;
    setDraft(next);
    onChangeRef.current(server);
  }, []);

  // The same claim moved on elsewhere without a change to what is edited here (publishing set it
  // PUBLISHED): follow it at once, so the status is current and the next save is not a conflict.
  useEffect(() => {
    if (claim.version <= baseRef.current.version || dirty.current.size > 0) return;
    if (JSON.stringify(fieldsOf(claim)) === JSON.stringify(fieldsOf(baseRef.current))) adopt(claim);
  }, [claim, adopt]);

  const send = useCallback((extra: { status?: ApiClaim["status"] } = {}): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const job = chain.current.then(async () => {
      const fields = [...dirty.current];
      if (fields.length === 0 && !extra.status) return;
      const patch: Record<string, unknown> = {};
      for (const f of fields) patch[f] = f === "claimant" ? draftRef.current.claimant || null : draftRef.current[f];
      const sent = { ...draftRef.current };
      setSave({ kind: "saving" });
      try {
        const updated = await api<ApiClaim>("PATCH", `/api/v1/claims/${baseRef.current.id}`, { version: baseRef.current.version, ...patch, ...extra });
        // Fields typed again while the request was in flight stay dirty.
        for (const f of fields) if (draftRef.current[f] === sent[f]) dirty.current.delete(f);
        adopt(updated, new Set([...dirty.current, ...fields]));
        setSave({ kind: "saved" });
      } catch (err) {
        if (err instanceof ApiError && err.status === 409) {
          const current = (err.details as { current?: ApiClaim } | undefined)?.current;
          if (current) {
            const mine: Partial<ClaimFields> = {};
            for (const f of fields) (mine as Record<string, unknown>)[f] = draftRef.current[f];
            setConflict({ mine, theirs: current });
            setSave({ kind: "conflict" });
            return;
          }
        }
        const message = err instanceof Error ? err.message : "Could not save.";
        if (extra.status) {
          setSave({ kind: "idle" });
          throw err;
        }
        setSave({ kind: "failed", message });
      }
    });
    chain.current = job.catch(() => undefined);
    return job;
  }, [adopt]);

  useEffect(
    () => () => {
      // Leaving the claim: save what is pending.
      if (timer.current && dirty.current.size) void send();
    },
    [send],
  );

  // Closing the tab with an edit not yet saved asks first.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty.current.size === 0) return;
      void send();
      e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [send]);

  const change = <K extends ClaimField>(field: K, value: ClaimFields[K], immediate: boolean) => {
    const next = { ...draftRef.current, [field]: value };
    draftRef.current = next;
    setDraft(next);
    dirty.current.add(field);
    if (field === "statement") setFragmentWarning(null);
    if (timer.current) clearTimeout(timer.current);
    if (immediate) void send();
    else timer.current = setTimeout(() => void send(), TEXT_DEBOUNCE_MS);
  };

  const resolveConflict = (keepMine: Partial<ClaimFields>, theirs: ApiClaim) => {
    setConflict(null);
    const keep = new Set(Object.keys(keepMine) as ClaimField[]);
    dirty.current = keep;
    draftRef.current = { ...fieldsOf(theirs), ...keepMine };
    adopt(theirs, keep);
    if (keep.size) void send();
    else setSave({ kind: "saved" });
  };

  const transition = async (status: ApiClaim["status"]) => {
    setWorkflowError(null);
    try {
      await send({ status });
    } catch (err) {
      setWorkflowError(err instanceof Error ? err.message : "Could not change the status.");
    }
  };

  const approve = (anyway: boolean) => {
    const why = anyway ? null : fragmentReason(draftRef.current.statement);
    setFragmentWarning(why);
    if (!why) void transition("APPROVED");
  };

  const refresh = useCallback(async () => {
    const fresh = await api<ApiClaim>("GET", `/api/v1/claims/${baseRef.current.id}`);
    adopt(fresh);
  }, [adopt]);

  /** A colleague's newer version, reviewed in the conflict view against what is on screen. */
  const reviewRemote = (theirs: ApiClaim) => {
    const mine: Partial<ClaimFields> = {};
    const fresh = fieldsOf(theirs);
    for (const f of Object.keys(fresh) as ClaimField[]) if (JSON.stringify(fresh[f]) !== JSON.stringify(draftRef.current[f])) (mine as Record<string, unknown>)[f] = draftRef.current[f];
    if (Object.keys(mine).length === 0) return adopt(theirs);
    setConflict({ mine, theirs });
  };

  const readOnly = !ctx.canEdit;
  const missing = missingParts(draft, base.sources.length);
  const selfApproval = selfApprovalForbidden(ctx.requireIndependentApproval, base.author.id, ctx.currentUser.id);
  const verdict = ctx.scale.verdicts.find((v) => v.key === draft.verdict);
  const ids = `claim-${base.id}`;

  return (
    <div className="flex flex-col gap-4">
      <blockquote className="border-l-4 pl-3 font-serif text-[15px] leading-relaxed text-foreground" style={{ borderColor: verdict?.color ?? UNRATED_COLOR }}>
        “{base.exact.length > 400 ? `${base.exact.slice(0, 399)}…` : base.exact}”
      </blockquote>

      <EditingNotice claimId={base.id} me={ctx.currentUser.id} />
      <RemoteChangeNotice claimId={base.id} baseVersion={base.version} me={ctx.currentUser.id} members={ctx.members} onReview={reviewRemote} />
      {!readOnly && (
        <ClaimWorkflowBar
          claim={base}
          save={save}
          onRetry={() => void send()}
          onTransition={(status) => void transition(status)}
          onApprove={approve}
          selfApproval={selfApproval}
          missing={missing}
          fragmentWarning={fragmentWarning}
          workflowError={workflowError}
          statementInputId={`${ids}-statement`}
        />
      )}

      <Tabs value={tab} onValueChange={setTab}>
        <TabsList className={readOnly ? "sr-only" : "w-full justify-start"}>
          <TabsTrigger value="details">Details</TabsTrigger>
          {!readOnly && (
            <TabsTrigger value="comments">
              Comments{threadCount > 0 ? <span className="rounded-full bg-primary px-1.5 text-[10px] text-primary-foreground">{threadCount}</span> : null}
            </TabsTrigger>
          )}
          {!readOnly && <TabsTrigger value="history">History</TabsTrigger>}
        </TabsList>

        <TabsContent value="details" className="flex flex-col gap-4">
          {readOnly ? (
            <dl className="flex flex-col gap-3 text-sm">
              <div>
                <dt className="font-medium text-muted-foreground">Statement</dt>
                <dd>{base.statement}</dd>
              </div>
              {base.claimant && (
                <div>
                  <dt className="font-medium text-muted-foreground">Claimant</dt>
                  <dd>{base.claimant}</dd>
                </div>
              )}
              <div>
                <dt className="font-medium text-muted-foreground">Rationale</dt>
                {/* Sanitized on the server when written. */}
                <dd className="rich-text" dangerouslySetInnerHTML={{ __html: base.rationale || "<p>—</p>" }} />
              </div>
            </dl>
          ) : (
            <>
              <div className="flex flex-col gap-1.5">
                <Label htmlFor={`${ids}-statement`}>Statement</Label>
                <Textarea
                  id={`${ids}-statement`}
                  rows={2}
                  className="min-h-14"
                  maxLength={CLAIM_LIMITS.statement}
                  value={draft.statement}
                  onChange={(e) => change("statement", e.target.value, false)}
                  onBlur={() => dirty.current.size && void send()}
                />
              </div>
              <div className="grid gap-3 sm:grid-cols-2">
                <div className="flex flex-col gap-1.5">
                  <Label htmlFor={`${ids}-claimant`}>Claimant</Label>
                  <Input
                    id={`${ids}-claimant`}
                    list={`${ids}-claimants`}
                    placeholder="Who made the claim?"
                    maxLength={CLAIM_LIMITS.claimant}
                    value={draft.claimant}
                    onChange={(e) => change("claimant", e.target.value, false)}
                    onFocus={claimants.load}
                    onBlur={() => dirty.current.size && void send()}
                  />
                  <datalist id={`${ids}-claimants`}>
                    {claimants.suggestions.map((c) => (
                      <option key={c} value={c} />
                    ))}
                  </datalist>
                </div>
                <div className="flex flex-col gap-1.5">
                  <Label htmlFor={`${ids}-verdict`}>Verdict</Label>
                  <Select value={draft.verdict ?? NONE} onValueChange={(v) => change("verdict", v === NONE ? null : v, true)}>
                    <SelectTrigger id={`${ids}-verdict`} aria-label="Verdict">
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      <SelectItem value={NONE}>
                        <span className="inline-block size-3 rounded-sm border border-black/15" style={{ backgroundColor: UNRATED_COLOR }} aria-hidden="true" /> Unrated
                      </SelectItem>
                      <SelectSeparator />
                      {ctx.scale.verdicts.map((v) => (
                        <SelectItem key={v.key} value={v.key}>
                          <span className="inline-block size-3 rounded-sm border border-black/15" style={{ backgroundColor: v.color }} aria-hidden="true" /> {v.label}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                  {verdict?.description && <p className="text-xs text-muted-foreground">{verdict.description}</p>}
                </div>
              </div>
              <div className="flex flex-col gap-1.5">
                <Label htmlFor={`${ids}-assignee`}>Assignee</Label>
                <Select value={draft.assigneeId ?? NONE} onValueChange={(v) => change("assigneeId", v === NONE ? null : v, true)}>
                  <SelectTrigger id={`${ids}-assignee`} aria-label="Assignee">
                    <SelectValue />
                  </SelectTrigger>
                  <SelectContent>
                    <SelectItem value={NONE}>Unassigned</SelectItem>
                    {ctx.members.map((m) => (
                      <SelectItem key={m.id} value={m.id}>
                        {m.name}
                        {m.id === ctx.currentUser.id ? " (you)" : ""}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              </div>
              <div className="flex flex-col gap-1.5">
                <Label id={`${ids}-rationale-label`}>Rationale</Label>
                <RichTextEditor value={draft.rationale} labelledBy={`${ids}-rationale-label`} onChange={(html) => change("rationale", html, false)} />
              </div>
            </>
          )}
          <section aria-labelledby={`${ids}-sources`} className="flex flex-col gap-2">
            <h3 id={`${ids}-sources`} className="text-sm font-medium">
              Sources <span className="text-muted-foreground">({base.sources.length})</span>
            </h3>
            <SourcesEditor claimId={base.id} sources={base.sources} canEdit={!readOnly} beforeChange={() => send()} onChanged={refresh} />
          </section>
        </TabsContent>
        {!readOnly && (
          <TabsContent value="comments" forceMount hidden={tab !== "comments"}>
            <CommentsPanel claimId={base.id} members={ctx.members} onCountChange={(open) => setThreadCount(open)} />
          </TabsContent>
        )}
        {!readOnly && tab === "history" && (
          <TabsContent value="history">
            <ClaimHistory claimId={base.id} version={base.version} scale={ctx.scale} members={ctx.members} />
          </TabsContent>
        )}
      </Tabs>
      <ConflictDialog conflict={conflict} scale={ctx.scale} members={ctx.members} onResolve={resolveConflict} />
    </div>
  );
}
