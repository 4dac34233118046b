/**
 * Delivery events from the systems that record them: GitHub REST deployments with their statuses and
 * GitLab REST deployments read into core {@link io.github.deliverykit.core.event.Deployment}s, PagerDuty incidents with their
 * log entries and Opsgenie incidents into core {@link io.github.deliverykit.core.event.Incident}s.
 */
@NullMarked
package io.github.deliverykit.formats.events;

import org.jspecify.annotations.NullMarked;
