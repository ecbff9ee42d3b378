package io.omnireach.meeting;

import java.time.Instant;

/** A meeting a lead booked on the tenant's Calendly. */
public record Meeting(
    long id,
    long leadId,
    String inviteeUri,
    String eventUri,
    String eventName,
    String inviteeEmail,
    String inviteeName,
    Instant startTime,
    Instant endTime,
    MeetingStatus status,
    Instant bookedAt,
    Instant canceledAt,
    String cancelReason) {}
