import type { Builder } from '@kkmp/plugin-sdk';

/** Enums of the core schema, created on a given builder. */
export function createEnums(builder: Builder) {
  const TimeZoneEnum = builder.enumType('TimeZone', {
    description: 'Indonesian time zones: WIB (UTC+7), WITA (UTC+8), WIT (UTC+9).',
    values: {
      WIB: { description: 'Waktu Indonesia Barat, UTC+7 (Sumatra, Java, West/Central Kalimantan).' },
      WITA: { description: 'Waktu Indonesia Tengah, UTC+8 (Bali, Nusa Tenggara, Sulawesi, South/East/North Kalimantan).' },
      WIT: { description: 'Waktu Indonesia Timur, UTC+9 (Maluku, Papua).' },
    } as const,
  });

  const CityKindEnum = builder.enumType('CityKind', {
    description: 'Second-level region: kota (city) or kabupaten (regency).',
    values: { KOTA: { description: 'Kota (city).' }, KABUPATEN: { description: 'Kabupaten (regency).' } } as const,
  });

  const CoopStatusEnum = builder.enumType('CooperativeStatus', {
    description: 'Lifecycle of a cooperative; it only moves forward.',
    values: {
      FORMED: { description: 'Founded at the members\' meeting; deed in progress.' },
      LEGAL_ENTITY: { description: 'Registered as a legal entity (badan hukum) with an AHU registration number.' },
      OPERATING: { description: 'Running at least one business unit.' },
    } as const,
  });

  const BoardPositionEnum = builder.enumType('OfficerPosition', {
    description: 'Position on the board (pengurus) or among the supervisors (pengawas).',
    values: {
      KETUA: { description: 'Chair.' },
      WAKIL_KETUA: { description: 'Vice chair.' },
      SEKRETARIS: { description: 'Secretary.' },
      BENDAHARA: { description: 'Treasurer.' },
      ANGGOTA: { description: 'Member of the board or supervisory body.' },
    } as const,
  });

  const MemberStatusEnum = builder.enumType('MemberStatus', {
    description: 'Membership status.',
    values: {
      ACTIVE: { description: 'Active member.' },
      RESIGNED: { description: 'Left the cooperative (keluar).' },
      DECEASED: { description: 'Passed away (meninggal).' },
    } as const,
  });

  const EndStatusEnum = builder.enumType('MembershipEndReason', {
    description: 'Why a membership ends.',
    values: { RESIGNED: { description: 'Resigned.' }, DECEASED: { description: 'Deceased.' } } as const,
  });

  const EquityKindEnum = builder.enumType('EquityKind', {
    description: 'Kind of equity savings movement.',
    values: {
      POKOK: { description: 'Simpanan pokok: paid once on joining, same for every member.' },
      WAJIB: { description: 'Simpanan wajib: periodic (monthly) savings; the amount may differ per member.' },
      REFUND: { description: 'Return of pokok and wajib after the membership ended.' },
    } as const,
  });

  const PayableEquityKindEnum = builder.enumType('PayableEquityKind', {
    description: 'Equity savings a member pays in.',
    values: { POKOK: { description: 'Simpanan pokok.' }, WAJIB: { description: 'Simpanan wajib.' } } as const,
  });

  const PaymentMethodEnum = builder.enumType('PaymentMethod', {
    description: 'How money moved.',
    values: {
      CASH: { description: 'Cash (tunai).' },
      BANK_TRANSFER: { description: 'Bank transfer.' },
      QRIS: { description: 'QRIS (Indonesian standard QR payment).' },
    } as const,
  });

  const PeriodStatusEnum = builder.enumType('BillingPeriodStatus', {
    description: 'Settlement of one month of simpanan wajib.',
    values: { PAID: { description: 'Fully paid.' }, PARTIAL: { description: 'Partly paid.' }, UNPAID: { description: 'Not paid.' } } as const,
  });

  const RoleEnum = builder.enumType('Role', {
    description: 'What a user may do, and where.',
    values: {
      PLATFORM_ADMIN: { description: 'Operates the platform: every city.' },
      CITY_ADMIN: { description: 'Dinas Koperasi of one city: its kelurahan and cooperatives, not member records.' },
      COOP_MANAGER: { description: 'Pengurus (board) of one cooperative: everything in it.' },
      COOP_STAFF: { description: 'Cashier or operator of named units of one cooperative.' },
      SUPERVISOR: { description: 'Pengawas of one cooperative: reads everything in it, writes nothing.' },
      MEMBER: { description: 'A member: own records only.' },
    } as const,
  });
  const AccountKindEnum = builder.enumType('AccountKind', {
    description: 'Heading of an account in the chart (SAK EP).',
    values: {
      ASSET: { description: 'Aset: what the cooperative owns or is owed (kas, piutang, persediaan).' },
      LIABILITY: { description: 'Kewajiban: what it owes (utang usaha, simpanan sukarela).' },
      EQUITY: { description: 'Ekuitas: simpanan pokok and wajib, reserves, SHU.' },
      REVENUE: { description: 'Pendapatan.' },
      EXPENSE: { description: 'Beban.' },
    } as const,
  });

  const JournalDraftStatusEnum = builder.enumType('JournalDraftStatus', {
    description: 'Where a journal draft stands (maker-checker).',
    values: {
      DRAFT: { description: 'Entered; waiting for someone else to post or reject it.' },
      POSTED: { description: 'Posted to the books.' },
      REJECTED: { description: 'Rejected; nothing was posted.' },
    } as const,
  });
  return { AccountKindEnum, JournalDraftStatusEnum, TimeZoneEnum, CityKindEnum, CoopStatusEnum, BoardPositionEnum, MemberStatusEnum, EndStatusEnum, EquityKindEnum, PayableEquityKindEnum, PaymentMethodEnum, PeriodStatusEnum, RoleEnum };
}
