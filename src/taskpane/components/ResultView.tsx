/* global Office, Excel */
import * as React from "react";
import {
  Badge,
  Body1,
  Caption1,
  Card,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { formatDateVi } from "../../core/parse/dates";
import { formatNumberVi } from "../../core/parse/numbers";
import { headline, type OverdueItem, type Summary } from "../../core/score/summary";
import type { SummaryAppraisal } from "../../core/assessment/appraisal";

export interface ResultViewProps {
  summary: Summary;
  onSelect(sheet: string, row: number): void;
}

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  card: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  total: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
  },
  area: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  // The area name wraps; its points ("1,28/1,5") never shrink or wrap, so they stay in view.
  areaLabel: {
    display: "flex",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  areaName: { minWidth: 0, overflowWrap: "anywhere" },
  areaPoints: { flexShrink: 0, whiteSpace: "nowrap" },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    overflowWrap: "anywhere",
  },
  reason: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** How many differing criteria the pane lists (the "Tổng hợp" sheet lists them all). */
const LISTED_DIFFERENCES = 15;

/**
 * How many criteria losing points, and how many rows per owner, are listed: a 10,000-row
 * table has thousands, which no one reads in a pane and which took the page seconds to draw.
 * Every row keeps its own result in the table's "(tự động)" columns.
 */
export const LISTED_ITEMS = 20;

/** "Và 12 việc khác: xem cột …" under a list cut at `shown` of `total`. */
function More({
  total,
  shown,
  what,
  column,
}: {
  total: number;
  shown: number;
  what: string;
  column: string;
}) {
  const styles = useStyles();
  if (total <= shown) return null;
  return (
    <Caption1 className={styles.muted}>
      Và {total - shown} {what} khác: xem cột “{column}” trong bảng.
    </Caption1>
  );
}

/** Self-score, computed and appraised points side by side: what a ward explains (giải trình). */
function AppraisalCard({
  appraisal,
  onSelect,
}: {
  appraisal: SummaryAppraisal;
  onSelect: ResultViewProps["onSelect"];
}) {
  const styles = useStyles();
  const points = (value: number | null) => (value === null ? "—" : formatNumberVi(value));
  return (
    <Card className={styles.card}>
      <Subtitle2 as="h2">Đối chiếu điểm</Subtitle2>
      <Body1>
        Tự chấm {points(appraisal.self)} · Tính toán {points(appraisal.computed)} · Thẩm định{" "}
        {points(appraisal.appraised)}
      </Body1>
      {appraisal.differences.length > 0 && (
        <>
          <Caption1 className={styles.muted}>Tiêu chí chênh lệch (nhiều nhất lên đầu):</Caption1>
          <ul className={styles.list}>
            {appraisal.differences.slice(0, LISTED_DIFFERENCES).map((d) => (
              <li key={`${d.sheet}!${d.row}`}>
                <RowLink sheet={d.sheet} row={d.row} onSelect={onSelect}>
                  {d.code} {d.name}
                </RowLink>
                <br />
                <Caption1>
                  Tự chấm {points(d.self)} · Tính toán {points(d.computed)} · Thẩm định{" "}
                  {points(d.appraised)}
                </Caption1>
              </li>
            ))}
          </ul>
          {appraisal.differences.length > LISTED_DIFFERENCES && (
            <Caption1 className={styles.muted}>
              Và {appraisal.differences.length - LISTED_DIFFERENCES} tiêu chí khác: xem trang tổng
              hợp.
            </Caption1>
          )}
        </>
      )}
    </Card>
  );
}

/** A clickable line that selects its row in Excel. */
function RowLink({
  sheet,
  row,
  onSelect,
  children,
}: {
  sheet: string;
  row: number;
  onSelect: ResultViewProps["onSelect"];
  children: React.ReactNode;
}) {
  return (
    <Link
      as="button"
      onClick={() => onSelect(sheet, row)}
      aria-label={`Chọn dòng ${row} trang ${sheet}`}
    >
      {children}
    </Link>
  );
}

function DueGroups({
  title,
  groups,
  onSelect,
  late,
}: {
  title: string;
  groups: Summary["overdueByOwner"];
  onSelect: ResultViewProps["onSelect"];
  late: boolean;
}) {
  const styles = useStyles();
  if (groups.length === 0) return null;
  const describe = (item: OverdueItem) =>
    late
      ? `quá hạn ${item.daysLate} ngày`
      : item.due
        ? `hạn ${formatDateVi(item.due)}`
        : "sắp đến hạn";
  return (
    <Card className={styles.card}>
      <Subtitle2 as="h2">{title}</Subtitle2>
      {groups.map((group) => (
        <div key={group.owner}>
          <Body1>
            <strong>{group.owner}</strong> ({group.items.length})
          </Body1>
          <ul className={styles.list}>
            {group.items.slice(0, LISTED_ITEMS).map((item) => (
              <li key={`${item.sheet}!${item.row}`}>
                <RowLink sheet={item.sheet} row={item.row} onSelect={onSelect}>
                  Dòng {item.row}: {item.content || "(không có nội dung)"}
                </RowLink>{" "}
                <Caption1 className={late ? styles.reason : styles.muted}>
                  – {describe(item)}
                </Caption1>
              </li>
            ))}
          </ul>
          <More
            total={group.items.length}
            shown={LISTED_ITEMS}
            what="việc"
            column="Tình trạng hạn (tự động)"
          />
        </div>
      ))}
    </Card>
  );
}

/** The result of a run: total, areas, where points were lost, overdue work. */
export function ResultView({ summary, onSelect }: ResultViewProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.stack} aria-label="Kết quả chấm điểm">
      <Card className={styles.card}>
        <Subtitle2 as="h2">Kết quả</Subtitle2>
        {summary.criteriaSet ? (
          <>
            <Text className={styles.total}>
              {formatNumberVi(summary.points)} / {formatNumberVi(summary.maxPoints)} điểm
            </Text>
            <ProgressBar
              value={summary.maxPoints > 0 ? summary.points / summary.maxPoints : 0}
              thickness="large"
              aria-label="Tổng điểm so với điểm tối đa"
            />
          </>
        ) : null}
        <Caption1>{headline(summary)}</Caption1>
        <Caption1 className={styles.muted}>
          Bộ tiêu chí: {summary.criteriaSet?.name ?? "không dùng (chỉ theo dõi thời hạn)"}
        </Caption1>
        <div>
          <Badge appearance="tint" color={summary.warningTotal > 0 ? "warning" : "success"}>
            {summary.warningTotal} cảnh báo
          </Badge>{" "}
          <Badge appearance="tint" color={summary.overdueTotal > 0 ? "danger" : "success"}>
            {summary.overdueTotal} quá hạn
          </Badge>{" "}
          <Badge appearance="tint" color={summary.dueSoonTotal > 0 ? "important" : "success"}>
            {summary.dueSoonTotal} sắp đến hạn
          </Badge>
        </div>
      </Card>

      {summary.areas.length > 0 && (
        <Card className={styles.card}>
          <Subtitle2 as="h2">Điểm theo lĩnh vực</Subtitle2>
          {summary.areas.map((area) => (
            <div key={area.code} className={styles.area}>
              <div className={styles.areaLabel}>
                <Body1 className={styles.areaName}>
                  {area.code}. {area.name}
                </Body1>
                <Body1 className={styles.areaPoints} data-testid="area-points">
                  {formatNumberVi(area.points)}/{formatNumberVi(area.maxPoints)}
                </Body1>
              </div>
              <ProgressBar
                value={area.maxPoints > 0 ? area.points / area.maxPoints : 0}
                color={area.points < area.maxPoints ? "warning" : "success"}
                aria-label={`Lĩnh vực ${area.code}: ${formatNumberVi(area.points)} trên ${formatNumberVi(area.maxPoints)} điểm`}
              />
            </div>
          ))}
        </Card>
      )}

      {summary.focus.length > 0 && (
        <Card className={styles.card}>
          <Subtitle2 as="h2">Tiêu chí mất điểm (cần tập trung)</Subtitle2>
          <ul className={styles.list}>
            {summary.focus.slice(0, LISTED_ITEMS).map((item) => (
              <li key={`${item.sheet}!${item.row}`}>
                <RowLink sheet={item.sheet} row={item.row} onSelect={onSelect}>
                  {item.criterion} {item.name}
                </RowLink>
                <br />
                <Caption1>
                  Mất {formatNumberVi(item.atStake)} điểm ({formatNumberVi(item.points)}/
                  {formatNumberVi(item.maxPoints)})
                </Caption1>
                {item.reason && (
                  <>
                    <br />
                    <Caption1 className={styles.reason}>{item.reason}</Caption1>
                  </>
                )}
              </li>
            ))}
          </ul>
          <More
            total={summary.focus.length}
            shown={LISTED_ITEMS}
            what="tiêu chí"
            column="Điểm tính toán (tự động)"
          />
        </Card>
      )}

      {summary.appraisal && <AppraisalCard appraisal={summary.appraisal} onSelect={onSelect} />}

      <DueGroups
        title="Việc quá hạn theo đơn vị"
        groups={summary.overdueByOwner}
        onSelect={onSelect}
        late
      />
      <DueGroups
        title="Việc sắp đến hạn"
        groups={summary.dueSoonByOwner}
        onSelect={onSelect}
        late={false}
      />

      {summary.warningCounts.length > 0 && (
        <Card className={styles.card}>
          <Subtitle2 as="h2">Cảnh báo</Subtitle2>
          <ul className={styles.list}>
            {summary.warningCounts.map((w) => (
              <li key={w.code}>
                <Body1>
                  {w.label}: {w.count}
                </Body1>
              </li>
            ))}
          </ul>
          <Caption1 className={styles.muted}>
            Chi tiết từng dòng nằm ở cột "Cảnh báo (tự động)" trong bảng.
          </Caption1>
        </Card>
      )}

      {/* One titled bar: a MessageBar points aria-labelledby at its title, so it needs one. */}
      {summary.notices.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Lưu ý</MessageBarTitle>
            <ul className={styles.list}>
              {summary.notices.map((notice) => (
                <li key={notice}>{notice}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
