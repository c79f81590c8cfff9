package io.harnessdeployer.emulator.model;

/** An error shape's wire code (awsQuery), HTTP status and fault side. */
public record ErrorTrait(String code, int httpStatus, boolean senderFault) {}
