import * as React from "react";
import { Caption1, Title3, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  header: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

export function Header(): React.JSX.Element {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Title3 as="h1">Chấm điểm CCHC</Title3>
      <Caption1>Chỉ số cải cách hành chính (PAR INDEX) cấp xã, phường</Caption1>
    </header>
  );
}
