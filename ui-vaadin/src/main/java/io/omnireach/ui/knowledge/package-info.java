/** The Knowledge view: documents the AI drafts draw on, their indexing status, and search. */
package io.omnireach.ui.knowledge;
