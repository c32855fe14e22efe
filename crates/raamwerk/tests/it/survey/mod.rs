//! The student survey through the real router: opening it, students answering without an
//! account, bad input refused with nothing stored, and results only under the group-figure
//! rule on the page, in the workbook and through the API.

mod anonymity;
