/** Manual workflow steps (Task nodes) waiting for a person: list, complete, open-count badge. */
package io.omnireach.ui.task;
