import { describe, expect, it } from "vitest";
import {
  angleOf,
  EMULATE_ERROR,
  EMULATE_RETAKE,
  type ImageOutcome,
  imageStateAt,
  outcomeOf,
} from "../../src/emulators/carcutter/lifecycle.js";
import { RETENTION_MS, STEP_MS } from "../support/emulators.js";

const at = (elapsedMs: number, outcome: ImageOutcome = "ok", lazy = false) =>
  imageStateAt({
    submittedAt: 1_000_000,
    now: 1_000_000 + elapsedMs,
    stepMs: STEP_MS,
    lazy,
    retentionMs: RETENTION_MS,
    outcome,
  });

describe("the image lifecycle", () => {
  it("walks through the five processing phases, then raw, then final with quality ok", () => {
    const seen = [0, 1, 2, 3, 4, 5, 6].map((step) => at(step * STEP_MS + STEP_MS / 2));
    expect(seen).toEqual([
      { status: "processing", phase: "downloading", quality: null },
      { status: "processing", phase: "analyzing", quality: null },
      { status: "processing", phase: "cutting", quality: null },
      { status: "processing", phase: "qa-ing", quality: null },
      { status: "processing", phase: "retouching", quality: null },
      { status: "raw", phase: "ready", quality: null },
      { status: "final", phase: "ready", quality: "ok" },
    ]);
  });

  it("changes state exactly on step boundaries", () => {
    expect(at(STEP_MS - 1).phase).toBe("downloading");
    expect(at(STEP_MS).phase).toBe("analyzing");
    expect(at(6 * STEP_MS - 1).status).toBe("raw");
    expect(at(6 * STEP_MS).status).toBe("final");
  });

  it("expires a final image once the retention window after it became final has passed", () => {
    expect(at(6 * STEP_MS + RETENTION_MS - 1).status).toBe("final");
    expect(at(6 * STEP_MS + RETENTION_MS)).toEqual({
      status: "expired",
      phase: "ready",
      quality: "ok",
    });
  });

  it("ends an error image after downloading and analyzing, for good", () => {
    expect(at(0, "error").phase).toBe("downloading");
    expect(at(STEP_MS, "error").phase).toBe("analyzing");
    const error = { status: "error", phase: "analyzing", quality: null };
    expect(at(2 * STEP_MS, "error")).toEqual(error);
    expect(at(6 * STEP_MS + RETENTION_MS * 10, "error")).toEqual(error);
  });

  it("finishes a retake image as final with quality retake", () => {
    expect(at(5 * STEP_MS, "retake")).toEqual({ status: "raw", phase: "ready", quality: null });
    expect(at(6 * STEP_MS, "retake")).toEqual({
      status: "final",
      phase: "ready",
      quality: "retake",
    });
  });

  it("takes twice as long per step when lazy", () => {
    expect(at(STEP_MS, "ok", true).phase).toBe("downloading");
    expect(at(2 * STEP_MS, "ok", true).phase).toBe("analyzing");
    expect(at(11 * STEP_MS, "ok", true).status).toBe("raw");
    expect(at(12 * STEP_MS, "ok", true).status).toBe("final");
    expect(at(12 * STEP_MS + RETENTION_MS, "ok", true).status).toBe("expired");
  });

  it("treats a clock before the submission as the first step", () => {
    expect(at(-5000).phase).toBe("downloading");
  });
});

describe("URL patterns", () => {
  it("choose the outcome from emulate=error and emulate=retake anywhere in the URL", () => {
    expect(EMULATE_ERROR).toBe("emulate=error");
    expect(EMULATE_RETAKE).toBe("emulate=retake");
    expect(outcomeOf("https://a.example/x.jpg?emulate=error")).toBe("error");
    expect(outcomeOf("https://a.example/x.jpg?size=2&emulate=retake")).toBe("retake");
    expect(outcomeOf("https://a.example/emulate=error/x.jpg")).toBe("error");
    expect(outcomeOf("https://a.example/x.jpg?emulate=errors-later")).toBe("error");
    expect(outcomeOf("https://a.example/x.jpg")).toBe("ok");
  });

  it("read the angle from the path in its common spellings", () => {
    expect(angleOf("https://a.example/car/front-left.jpg")).toEqual(["exterior", "front-left"]);
    expect(angleOf("https://a.example/car/front_left.jpg")).toEqual(["exterior", "front-left"]);
    expect(angleOf("https://a.example/car/FrontLeft.JPG")).toEqual(["exterior", "front-left"]);
    expect(angleOf("https://a.example/car/rear-right.png")).toEqual(["exterior", "rear-right"]);
    expect(angleOf("https://a.example/car/left.jpg")).toEqual(["exterior", "side-left"]);
    expect(angleOf("https://a.example/car/side_right.jpg")).toEqual(["exterior", "side-right"]);
    expect(angleOf("https://a.example/car/rear.jpg")).toEqual(["exterior", "rear"]);
    expect(angleOf("https://a.example/car/dashboard.jpg")).toEqual(["interior", "dashboard"]);
    expect(angleOf("https://a.example/interior/seats.jpg")).toEqual(["interior", "seats"]);
    expect(angleOf("https://a.example/car/trunk.jpg")).toEqual(["interior", "trunk"]);
    expect(angleOf("https://a.example/car/wheel.jpg")).toEqual(["detail", "wheel"]);
    expect(angleOf("https://a.example/car/engine.jpg")).toEqual(["detail", "engine"]);
    expect(angleOf("https://a.example/x.jpg?angle=rear-left")).toEqual(["exterior", "rear-left"]);
  });

  it("ignore angle words in the host name", () => {
    const angle = angleOf("https://frontend.example/photos/IMG_0042.jpg");
    expect(angle).toEqual(angleOf("https://frontend.example/photos/IMG_0042.jpg"));
    expect(angle[0]).toBe("exterior");
    expect(angleOf("https://front.example/car/seats.jpg")).toEqual(["interior", "seats"]);
  });

  it("give URLs without an angle a stable exterior angle that varies between URLs", () => {
    const angles = Array.from({ length: 40 }, (_, i) =>
      angleOf(`https://cdn.example/stock/IMG_${i}.jpg`),
    );
    expect(angles.every(([level]) => level === "exterior")).toBe(true);
    expect(new Set(angles.map(([, name]) => name)).size).toBeGreaterThan(3);
    expect(angleOf("https://cdn.example/stock/IMG_7.jpg")).toEqual(angles[7]);
  });
});
