import type { PartStatus, ProductStatus } from "@/db/schema";
import type { ProductLine } from "./demo-properties";
import type { SiteName } from "./demo-sites";

interface ProductSpec {
  code: string;
  title: string;
  site: SiteName;
  line: ProductLine;
  status: ProductStatus;
}

export const productCatalog = [
  { code: "HP-40", title: "Hydraulic pump HP-40", site: "Toulouse", line: "Hydraulics", status: "in_production" },
  { code: "HP-63", title: "Hydraulic pump HP-63", site: "Toulouse", line: "Hydraulics", status: "in_production" },
  { code: "GB-200", title: "Gearbox GB-200", site: "Toulouse", line: "Transmission", status: "in_production" },
  { code: "GB-350", title: "Gearbox GB-350", site: "Lyon", line: "Transmission", status: "prototype" },
  { code: "LA-12", title: "Linear actuator LA-12", site: "Lyon", line: "Motion control", status: "in_production" },
  { code: "LA-25", title: "Linear actuator LA-25", site: "Lyon", line: "Motion control", status: "development" },
  { code: "SV-8", title: "Servo valve SV-8", site: "Montréal", line: "Hydraulics", status: "in_production" },
  { code: "PR-90", title: "Planetary reducer PR-90", site: "Lyon", line: "Transmission", status: "in_production" },
  { code: "ED-5", title: "Electric drive unit ED-5", site: "Montréal", line: "Motion control", status: "prototype" },
  { code: "CP-15", title: "Cooling pump CP-15", site: "Montréal", line: "Hydraulics", status: "end_of_life" },
  { code: "CD-400", title: "Conveyor drive CD-400", site: "Toulouse", line: "Transmission", status: "in_production" },
  { code: "HC-80", title: "Hydraulic cylinder HC-80", site: "Lyon", line: "Hydraulics", status: "discontinued" },
  { code: "RI-6", title: "Rotary indexer RI-6", site: "Toulouse", line: "Motion control", status: "development" },
  { code: "GM-30", title: "Compact gear motor GM-30", site: "Montréal", line: "Transmission", status: "in_production" },
  { code: "PRV-10", title: "Pressure regulator PRV-10", site: "Toulouse", line: "Hydraulics", status: "prototype" },
] as const satisfies readonly ProductSpec[];

export type ProductCode = (typeof productCatalog)[number]["code"];

export interface PartSpec {
  title: string;
  /** The product it belongs to; null for standard parts shared by many products. */
  family: ProductCode | null;
  material: string;
  source: "Make" | "Buy";
  unit: string;
  /** BOM quantity per product. */
  quantity: number;
  /** Overrides the status that follows from the product's. */
  status?: PartStatus;
}

const make = (family: ProductCode, title: string, material: string, quantity = 1): PartSpec => ({
  title,
  family,
  material,
  source: "Make",
  unit: "pc",
  quantity,
});
const buy = (family: ProductCode | null, title: string, material: string, unit = "pc", quantity = 1): PartSpec => ({
  title,
  family,
  material,
  source: "Buy",
  unit,
  quantity,
});

export const partCatalog: PartSpec[] = [
  make("HP-40", "Pump housing HP-40", "EN-GJL-250 cast iron"),
  make("HP-40", "Gear pair HP-40", "16MnCr5"),
  buy("HP-40", "Shaft seal 20×35×7", "FKM"),
  make("HP-63", "Pump housing HP-63", "EN-GJL-250 cast iron"),
  make("HP-63", "Drive shaft HP-63", "42CrMo4"),
  buy("HP-63", "Gasket set HP-63", "NBR 70", "set"),
  make("GB-200", "Gearbox housing GB-200", "AlSi10Mg"),
  make("GB-200", "Input shaft GB-200", "42CrMo4"),
  make("GB-200", "Spur gear m2 z34", "20MnCr5", 2),
  make("GB-200", "Housing cover GB-200", "AlSi10Mg"),
  make("GB-350", "Gearbox housing GB-350", "EN-GJS-500-7"),
  make("GB-350", "Output shaft GB-350", "42CrMo4"),
  make("LA-12", "Lead screw Tr16×4", "C45"),
  make("LA-12", "Actuator tube LA-12", "EN AW-6060 T6"),
  make("LA-12", "Motor flange LA-12", "EN AW-6082 T6"),
  buy("LA-25", "Ball screw SFU1605", "50CrMo4"),
  buy("LA-25", "Linear guide rail 15 mm", "Hardened steel", "m", 0.6),
  make("SV-8", "Valve spool SV-8", "X90CrMoV18"),
  make("SV-8", "Valve body SV-8", "316L stainless steel"),
  buy("SV-8", "Solenoid coil 24 V DC", "Copper, PA66 overmould"),
  make("PR-90", "Planet carrier PR-90", "42CrMo4"),
  make("PR-90", "Ring gear PR-90", "18CrNiMo7-6"),
  make("PR-90", "Sun gear PR-90", "18CrNiMo7-6"),
  make("ED-5", "Motor housing ED-5", "AlSi9Cu3"),
  make("ED-5", "Encoder mount ED-5", "PA66-GF30"),
  make("CP-15", "Impeller CP-15", "PPS-GF40"),
  make("CP-15", "Volute casing CP-15", "PP-GF30"),
  make("CD-400", "Conveyor sprocket 12B z19", "C45"),
  buy("CD-400", "Roller chain 12B-1", "Steel", "m", 2.4),
  make("HC-80", "Cylinder tube Ø80", "E355"),
  make("HC-80", "Piston rod Ø40 chromed", "CK45, hard chrome"),
  make("RI-6", "Index plate RI-6", "42CrMo4"),
  buy("RI-6", "Cam follower CF-16", "100Cr6", "pc", 6),
  make("GM-30", "Motor pinion GM-30", "16MnCr5"),
  make("GM-30", "Gear motor housing GM-30", "AlSi10Mg"),
  buy("PRV-10", "Regulator diaphragm PRV-10", "HNBR"),
  make("PRV-10", "Adjusting screw PRV-10", "1.4305 stainless steel"),
  buy(null, "Deep groove ball bearing 6205-2RS", "100Cr6"),
  buy(null, "Hex screw M8×25 class 8.8", "Steel, zinc flake"),
  buy(null, "Circlip DIN 471 Ø25", "Spring steel"),
  buy(null, "O-ring 45×3 NBR 70", "NBR 70"),
  { ...buy(null, "Key 8×7×32 DIN 6885", "C45"), status: "obsolete" },
];
