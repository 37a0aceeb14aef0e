/**
 * Stands in for office-addin-manifest inside jest: office-addin-mock needs only its
 * OfficeApp names, and the real package pulls ESM-only dependencies jest cannot load.
 */
export enum OfficeApp {
  Excel = "excel",
  OneNote = "onenote",
  Outlook = "outlook",
  PowerPoint = "powerpoint",
  Project = "project",
  Word = "word",
}
