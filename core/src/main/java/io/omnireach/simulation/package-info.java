/**
 * The pre-send simulation sandbox: a dry run of a workflow for sample leads against a simulated
 * clock, with scripted replies, the send times the windows and caps would give and the policy
 * verdict of every message — and nothing written to runs, messages or usage.
 */
package io.omnireach.simulation;
