import { Body, Controller, Get, Header, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { Public } from '@meridian/auth';
import { ClinicsRepository } from '@meridian/clinics';
import { TenantTransaction } from '@meridian/db';
import { Type } from 'class-transformer';
import {
  IsDateString,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MinLength,
  ValidateNested,
} from 'class-validator';
import type { FastifyReply } from 'fastify';
import { v7 as uuidv7 } from 'uuid';

class ProbeWhenDto {
  @IsDateString()
  date!: string;
}

export class CreateProbeDto {
  @IsString()
  @MinLength(1)
  name!: string;

  @IsOptional()
  @IsInt()
  @Max(10)
  count?: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => ProbeWhenDto)
  when?: ProbeWhenDto;
}

/**
 * Test-only routes that exercise the API shell: a create that writes a real row in a tenant
 * transaction, a failure with internals in its message, and a plain read.
 */
@Public()
@Controller('probes')
export class ProbeController {
  constructor(
    private readonly tenantTransaction: TenantTransaction,
    private readonly clinics: ClinicsRepository,
  ) {}

  @Post()
  @ApiCreatedResponse()
  async create(
    @Body() body: CreateProbeDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ id: string; name: string }> {
    const clinic = await this.tenantTransaction.run(uuidv7(), () =>
      this.clinics.insert({ name: body.name }),
    );
    void reply.header('etag', `"${clinic.version}"`);
    return { id: clinic.id, name: clinic.name };
  }

  @Get('ping')
  ping(): { pong: true } {
    return { pong: true };
  }

  @Get('boom')
  @Header('x-probe', 'boom')
  boom(): never {
    throw new Error('connection to 10.0.0.7 failed: password authentication for "admin"');
  }
}
