import { useState } from "react";
import { useMutation } from "urql";
import { CostNote } from "./cost.js";
import { SubmitPhotos } from "./documents.js";
import { describeError } from "./errors.js";
import type { CutType, SubmissionOutcome } from "./gql/graphql.js";

/**
 * Sends photo URLs for processing, with a cut type or a shooting guideline. Each press of Upload
 * carries an idempotency key of its own, so a retry after a dropped answer never pays twice; a
 * photo this gateway already submitted is answered ALREADY_SUBMITTED and not sent, which the
 * form says. Progress shows in the photo list above, live.
 */

const CUT_TYPES: CutType[] = ["COMPLETE", "NORMAL", "BLUR", "NONE"];

const OUTCOME_TEXT: Partial<Record<SubmissionOutcome, string>> = {
  ACCEPTED: "sent for processing: its progress shows above",
  ALREADY_SUBMITTED: "already submitted: not sent again, nothing charged",
  IN_PROGRESS: "being submitted by another request right now: not sent twice",
};

export function UploadForm(props: { vehicleId: string; suggestedGuidelineId: string | null }) {
  const [urls, setUrls] = useState("");
  const [mode, setMode] = useState<"cut" | "guideline">("cut");
  const [cutType, setCutType] = useState<CutType>("NORMAL");
  const [guidelineId, setGuidelineId] = useState(props.suggestedGuidelineId ?? "");
  const [result, submit] = useMutation(SubmitPhotos);
  const answer = result.data?.submitImages;

  const send = () => {
    const list = urls
      .split(/\s+/)
      .map((url) => url.trim())
      .filter((url) => url !== "");
    if (list.length === 0) return;
    void submit({
      input: {
        vehicleId: props.vehicleId,
        urls: list,
        processing: mode === "cut" ? { cutType } : { guidelineId },
        idempotencyKey: crypto.randomUUID(),
      },
    });
  };

  return (
    <section aria-labelledby="upload-heading" className="upload">
      <h2 id="upload-heading">Upload photos</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        <label>
          Photo URLs, one per line
          <textarea
            name="urls"
            rows={3}
            value={urls}
            onChange={(event) => setUrls(event.target.value)}
          />
        </label>
        <fieldset>
          <legend>Processing</legend>
          <label>
            <input
              type="radio"
              name="mode"
              checked={mode === "cut"}
              onChange={() => setMode("cut")}
            />{" "}
            Cut type{" "}
            <select
              name="cutType"
              value={cutType}
              disabled={mode !== "cut"}
              onChange={(event) => setCutType(event.target.value as CutType)}
            >
              {CUT_TYPES.map((c) => (
                <option key={c} value={c}>
                  {c.toLowerCase()}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input
              type="radio"
              name="mode"
              checked={mode === "guideline"}
              onChange={() => setMode("guideline")}
            />{" "}
            Guideline{" "}
            <input
              name="guidelineId"
              value={guidelineId}
              disabled={mode !== "guideline"}
              onChange={(event) => setGuidelineId(event.target.value)}
            />
          </label>
        </fieldset>
        <button type="submit" disabled={result.fetching}>
          {result.fetching ? "Uploading…" : "Upload"}
        </button>
      </form>
      <CostNote label="Upload" result={result.data ? result : undefined} />
      {result.error ? <p className="error">{describeError(result.error)}</p> : null}
      {answer && answer.__typename !== "SubmitImagesPayload" ? (
        <p className="error">
          {answer.message}
          {answer.__typename === "InputValidationError"
            ? ` ${answer.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`
            : ""}
        </p>
      ) : null}
      {answer?.__typename === "SubmitImagesPayload" ? (
        <ul className="outcomes" data-testid="upload-outcomes">
          {answer.results.map((r) => (
            <li key={r.url} data-outcome={r.outcome}>
              <code>{r.url}</code>:{" "}
              {OUTCOME_TEXT[r.outcome] ?? `${r.outcome.toLowerCase()}: ${r.error?.message ?? ""}`}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
