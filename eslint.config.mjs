// office-addin-lint picks this file up instead of its own default (which it extends).
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

export default [
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser },
    rules: {
      // TypeScript checks names; these two misread `const X = z.object(); type X = …` and ambient globals.
      "no-undef": "off",
      "no-redeclare": "off",
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-restricted-syntax": [
        "error",
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: "Cell text is always rendered as text." },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: "Use textContent." },
      ],
    },
  },
  {
    // The command line works on ExcelJS objects, not Office.js proxies.
    files: ["src/cli/**/*.ts"],
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/call-sync-after-load": "off",
    },
  },
];
