import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { AuthService, LoginResult } from '@meridian/auth';
import { Strategy } from 'passport-local';

/** E-mail and password; the result (tokens or an MFA challenge) becomes the response. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password' });
  }

  validate(email: string, password: string): Promise<LoginResult> {
    return this.auth.login(email, password);
  }
}
