/**
 * @jest-environment jsdom
 */
import "../../support/jsdom-shims";
import * as React from "react";
import { render, screen } from "@testing-library/react";
import { axe } from "jest-axe";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { LISTED_ITEMS, ResultView } from "../../../src/taskpane/components/ResultView";
import type { Summary } from "../../../src/core/score/summary";

/** A result with notices (no criteria set, a missing criterion): what the notice bars show. */
const summary: Summary = {
  today: "2025-11-20",
  criteriaSet: { id: "xa-2025-dien-ban", name: "Bộ tiêu chí xã 2025" },
  points: 4.24,
  maxPoints: 8.5,
  areas: [{ code: "I", name: "Công tác chỉ đạo", points: 1, maxPoints: 2, areaMaxPoints: 2 }],
  warningCounts: [],
  warningTotal: 0,
  overdueTotal: 0,
  dueSoonTotal: 0,
  overdueByOwner: [],
  dueSoonByOwner: [],
  focus: [],
  notices: ["Thiếu tiêu chí 1.2 trong bảng.", "Trang “Ghi chú” không có bảng phụ lục."],
  tableCount: 1,
};

describe("ResultView (shared by the pane and the page)", () => {
  it("titles every notice bar: axe finds no violation (aria-labelledby points at a title that exists)", async () => {
    const { container } = render(
      <FluentProvider theme={webLightTheme}>
        <ResultView summary={summary} onSelect={() => undefined} />
      </FluentProvider>
    );
    expect(screen.getByText("Thiếu tiêu chí 1.2 trong bảng.")).toBeTruthy();
    const bars = container.querySelectorAll("[aria-labelledby]");
    expect(bars.length).toBeGreaterThan(0);
    for (const bar of Array.from(bars))
      for (const id of bar.getAttribute("aria-labelledby")!.split(" "))
        expect(container.ownerDocument.getElementById(id)?.textContent).toBeTruthy();
    expect((await axe(container)).violations).toEqual([]);
  });

  it("lists the first items of a long result and says how many more the table's own columns show", () => {
    const item = (row: number) => ({
      sheet: "Phụ lục",
      row,
      content: `Việc ${row}`,
      daysLate: 3,
      due: null,
    });
    const long: Summary = {
      ...summary,
      notices: [],
      focus: Array.from({ length: 50 }, (_, i) => ({
        sheet: "Phụ lục",
        row: i + 4,
        criterion: `1.${i + 1}`,
        name: `Tiêu chí ${i + 1}`,
        points: 0,
        maxPoints: 1,
        atStake: 1,
        reason: "",
      })),
      overdueTotal: 1000,
      overdueByOwner: [
        { owner: "Văn phòng", items: Array.from({ length: 1000 }, (_, i) => item(i + 4)) },
      ],
    };
    const { container } = render(
      <FluentProvider theme={webLightTheme}>
        <ResultView summary={long} onSelect={() => undefined} />
      </FluentProvider>
    );
    expect(container.querySelectorAll("li")).toHaveLength(2 * LISTED_ITEMS);
    expect(
      screen.getByText(
        `Và ${50 - LISTED_ITEMS} tiêu chí khác: xem cột “Điểm tính toán (tự động)” trong bảng.`
      )
    ).toBeTruthy();
    expect(
      screen.getByText(
        `Và ${1000 - LISTED_ITEMS} việc khác: xem cột “Tình trạng hạn (tự động)” trong bảng.`
      )
    ).toBeTruthy();
  });
});
