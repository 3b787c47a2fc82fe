/* Stand-in for office-addin-manifest under jest: its dependency chain is ESM-only, and
   office-addin-mock needs only the OfficeApp names from it. */
module.exports = {
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
};
