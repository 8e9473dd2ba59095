import { Module } from '@nestjs/common';
import { AuditModule } from '@meridian/audit';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** Staff accounts. Password hashing and the session cache come from the global AuthModule. */
@Module({
  imports: [AuditModule],
  providers: [UsersRepository, UsersService],
  exports: [UsersRepository, UsersService],
})
export class UsersModule {}
