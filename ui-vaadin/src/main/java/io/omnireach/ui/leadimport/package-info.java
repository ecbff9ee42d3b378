/** The CSV import wizard: upload, map columns, choose the duplicate policy, watch progress. */
package io.omnireach.ui.leadimport;
