import { ValidationError } from '@nestjs/common';
import { fieldErrors } from './field-errors';

describe(fieldErrors.name, () => {
  it('names nested and array fields by their path', () => {
    const errors: ValidationError[] = [
      {
        property: 'firstName',
        constraints: { isNotEmpty: 'firstName should not be empty' },
        children: [],
      },
      {
        property: 'clinicId',
        constraints: { whitelistValidation: 'property clinicId should not exist' },
      },
      {
        property: 'intake',
        children: [
          {
            property: 'allergies',
            children: [
              { property: '0', constraints: { isString: 'each must be a string' }, children: [] },
            ],
          },
        ],
      },
    ];
    expect(fieldErrors(errors)).toEqual([
      { field: 'firstName', message: 'firstName should not be empty' },
      { field: 'clinicId', message: 'is not a known field' },
      { field: 'intake.allergies[0]', message: 'each must be a string' },
    ]);
  });
});
