import { DomainException } from '@meridian/core';

export enum FollowUpsErrorCode {
  NotFound = 'FOLLOW_UP.NOT_FOUND',
  AssigneeNotFound = 'FOLLOW_UP.ASSIGNEE_NOT_FOUND',
  NotOpen = 'FOLLOW_UP.NOT_OPEN',
}

export class FollowUpsException extends DomainException<FollowUpsErrorCode> {
  constructor(code: FollowUpsErrorCode, message: string) {
    super(code, message);
  }

  static notFound(): FollowUpsException {
    return new FollowUpsException(
      FollowUpsErrorCode.NotFound,
      'No such follow-up task in this clinic.',
    );
  }

  static assigneeNotFound(): FollowUpsException {
    return new FollowUpsException(
      FollowUpsErrorCode.AssigneeNotFound,
      'No such active user in this clinic to assign the task to.',
    );
  }

  static notOpen(status: string): FollowUpsException {
    return new FollowUpsException(
      FollowUpsErrorCode.NotOpen,
      `This task is ${status}: only open tasks are changed, completed or cancelled.`,
    );
  }
}
