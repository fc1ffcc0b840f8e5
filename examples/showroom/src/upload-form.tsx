import { CombinedError } from "@urql/core";
import { useState } from "react";
import { useMutation } from "urql";
import { CostNote } from "./cost.js";
import { SubmitPhotos } from "./documents.js";
import { describeError } from "./errors.js";
import type { CutType, ShowroomSubmitPhotosMutation, SubmissionOutcome } from "./gql/graphql.js";

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
  /** What stops the last Upload, in words: one item per URL or problem. */
  const [problems, setProblems] = useState<string[]>([]);
  const answer = result.data?.submitImages;

  const send = async () => {
    const lines = linesOf(urls);
    const problems = lines.length === 0 ? ["Enter at least one photo URL."] : problemsOf(lines);
    setProblems(problems);
    if (problems.length > 0) return;
    const sent = lines.map((line) => line.url);
    const response = await submit({
      input: {
        vehicleId: props.vehicleId,
        urls: sent,
        processing: mode === "cut" ? { cutType } : { guidelineId },
        idempotencyKey: crypto.randomUUID(),
      },
    });
    const payload = response.data?.submitImages;
    if (payload?.__typename === "SubmitImagesPayload") {
      // What went in leaves the box (Upload again would only re-send it); what failed stays.
      const retry = payload.results.filter((r) => !(r.outcome in OUTCOME_TEXT)).map((r) => r.url);
      setUrls(retry.join("\n"));
    } else {
      setProblems(answerProblems(response.error, payload, sent));
    }
  };

  return (
    <section aria-labelledby="upload-heading" className="upload">
      <h2 id="upload-heading">Upload photos</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void send();
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
      {problems.length > 0 ? (
        <ul className="error problems" data-testid="upload-problems" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      {problems.length === 0 && answer?.__typename === "SubmitImagesPayload" ? (
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

interface Line {
  /** 1-based, as the box shows it. */
  number: number;
  url: string;
}

/** One URL per line, trimmed; blank lines are skipped (a URL never holds a line break). */
function linesOf(text: string): Line[] {
  return text
    .split(/\r?\n/)
    .map((line, index) => ({ number: index + 1, url: line.trim() }))
    .filter((line) => line.url !== "");
}

/** Every line that cannot be sent, said before anything is sent (the gateway names only one). */
function problemsOf(lines: readonly Line[]): string[] {
  const problems: string[] = [];
  const first = new Map<string, number>();
  for (const { number, url } of lines) {
    const earlier = first.get(url);
    if (earlier !== undefined) {
      problems.push(`Line ${number} repeats line ${earlier}: remove one of them.`);
      continue;
    }
    first.set(url, number);
    if (/\s/.test(url) && url.split(/\s+/).every(isWebAddress)) {
      problems.push(`Line ${number} holds several URLs: put each on a line of its own.`);
    } else if (!isWebAddress(url)) {
      problems.push(
        `Line ${number} (“${url}”) is not a web address: it must start with http:// or https://.`,
      );
    }
  }
  return problems;
}

function isWebAddress(text: string): boolean {
  try {
    const { protocol, hostname } = new URL(text);
    return (protocol === "http:" || protocol === "https:") && hostname !== "" && !/\s/.test(text);
  } catch {
    return false;
  }
}

type SubmitAnswer = ShowroomSubmitPhotosMutation["submitImages"];

/** A refused Upload in words: one item per URL the gateway named, or per error it gave. */
function answerProblems(
  error: CombinedError | undefined,
  answer: SubmitAnswer | undefined,
  sent: readonly string[],
): string[] {
  const named = (index: number) => `URL ${index + 1} (“${sent[index] ?? "?"}”)`;
  if (answer && answer.__typename === "InputValidationError") {
    return answer.issues.map((issue) => {
      const at = issue.path.indexOf("urls");
      const index = at >= 0 ? issue.path[at + 1] : undefined;
      return index !== undefined && /^\d+$/.test(index)
        ? `${named(Number(index))}: ${issue.message}.`
        : `${issue.path.join(" → ") || "The upload"}: ${issue.message}.`;
    });
  }
  if (answer && answer.__typename !== "SubmitImagesPayload") return [answer.message];
  if (!error) return [];
  if (error.networkError || error.graphQLErrors.length === 0) return [describeError(error)];
  return error.graphQLErrors.map((graphQLError) => {
    // A URL the gateway refused before running anything: which one, and why.
    const refused = /at "input\.urls\[(\d+)\]"; (?:URL: )?(.*)$/.exec(graphQLError.message);
    if (refused) return `${named(Number(refused[1]))}: ${refused[2]}.`;
    return describeError(new CombinedError({ graphQLErrors: [graphQLError] }));
  });
}
