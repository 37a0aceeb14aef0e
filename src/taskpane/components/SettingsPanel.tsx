import * as React from "react";
import { Button, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { builtInCriteriaSets } from "../../core/criteria-sets";
import type { ScoringSettings } from "../../core/settings";
import { MAX_SOON_DAYS } from "../../app/options";

export interface SettingsPanelProps {
  settings: ScoringSettings;
  onChange(change: Partial<ScoringSettings>): void;
  onInsertSheet(): void;
  /** Takes the set from the open sheet's self-assessment table. */
  onTakeFromSheet(): void;
  disabled: boolean;
}

const useStyles = makeStyles({
  // Two columns where they fit, one below about 300 px (Excel's narrowest pane is 320 px).
  panel: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 136px), 1fr))",
    gap: tokens.spacingHorizontalM,
  },
  field: { minWidth: 0 },
  // Fluent's Input keeps a minimum width of its own; inside the grid it must shrink.
  input: { width: "100%", minWidth: 0 },
  button: { maxWidth: "100%", whiteSpace: "normal", height: "auto" },
  wide: {
    gridColumn: "1 / -1",
    minWidth: 0,
  },
  // Long set names must not widen the pane: the select shrinks and ellipsises.
  selectRoot: { width: "100%", minWidth: 0 },
  select: { width: "100%", minWidth: 0, textOverflow: "ellipsis" },
});

const NO_SET = "";

/** Settings saved in the workbook: criteria set, "tính đến ngày", nearly-due days. */
export function SettingsPanel({
  settings,
  onChange,
  onInsertSheet,
  onTakeFromSheet,
  disabled,
}: SettingsPanelProps): React.JSX.Element {
  const styles = useStyles();
  const sets = builtInCriteriaSets();
  return (
    <section className={styles.panel} aria-label="Cài đặt lưu trong sổ làm việc">
      <Field
        label="Bộ tiêu chí"
        className={styles.wide}
        hint='Lưu trong tệp. Nếu tệp có trang "Bộ tiêu chí", công cụ chấm theo trang đó.'
      >
        <Select
          className={styles.selectRoot}
          select={{ className: styles.select }}
          value={settings.criteriaSetId ?? NO_SET}
          disabled={disabled}
          onChange={(_, data) =>
            onChange({ criteriaSetId: data.value === NO_SET ? null : data.value })
          }
        >
          <option value={NO_SET}>Không dùng (chỉ theo dõi thời hạn)</option>
          {sets.map((set) => (
            <option key={set.id} value={set.id}>
              {set.name}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.wide}>
        <Button
          size="small"
          className={styles.button}
          onClick={onInsertSheet}
          disabled={disabled || settings.criteriaSetId === null}
        >
          Chèn bộ đã chọn thành trang "Bộ tiêu chí" để sửa
        </Button>
        <Button
          size="small"
          className={styles.button}
          onClick={onTakeFromSheet}
          disabled={disabled}
        >
          Lấy bộ tiêu chí từ bảng này
        </Button>
      </div>
      <Field label="Tính đến ngày" hint="Để trống: hôm nay" className={styles.field}>
        <Input
          className={styles.input}
          type="date"
          value={settings.today ?? ""}
          disabled={disabled}
          onChange={(_, data) => onChange({ today: data.value === "" ? null : data.value })}
        />
      </Field>
      <Field label="Sắp đến hạn trong (ngày)" className={styles.field}>
        <Input
          className={styles.input}
          type="number"
          min={0}
          max={MAX_SOON_DAYS}
          value={String(settings.soonDays)}
          disabled={disabled}
          onChange={(_, data) => {
            const days = Number(data.value);
            if (Number.isInteger(days) && days >= 0 && days <= MAX_SOON_DAYS)
              onChange({ soonDays: days });
          }}
        />
      </Field>
    </section>
  );
}
