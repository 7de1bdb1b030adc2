import type { ProductCode } from "./demo-catalog-products";
import type { Department, DocumentKind } from "./demo-properties";
import type { SiteName } from "./demo-sites";

export interface DocumentSpec {
  title: string;
  /** The product whose parts it documents; null for site-wide documents. */
  family: ProductCode | null;
  site: SiteName;
  department: Department;
  kind: DocumentKind;
}

const doc = (
  family: ProductCode | null,
  site: SiteName,
  kind: DocumentKind,
  department: Department,
  title: string,
): DocumentSpec => ({ title, family, site, department, kind });

export const documentCatalog: DocumentSpec[] = [
  doc("HP-40", "Toulouse", "Drawing", "Engineering", "Pump housing HP-40 — machining drawing"),
  doc("HP-40", "Toulouse", "Specification", "Engineering", "Hydraulic pump HP-40 — technical specification"),
  doc("HP-40", "Toulouse", "Procedure", "Production", "HP-40 final assembly procedure"),
  doc("HP-40", "Toulouse", "Report", "Quality", "HP-40 seal leakage investigation report"),
  doc("HP-63", "Toulouse", "Drawing", "Engineering", "Drive shaft HP-63 — drawing"),
  doc("HP-63", "Toulouse", "Procedure", "Quality", "HP-63 pressure test procedure"),
  doc("GB-200", "Toulouse", "Drawing", "Engineering", "Gearbox housing GB-200 — machining drawing"),
  doc("GB-200", "Toulouse", "Specification", "Engineering", "Gearbox GB-200 — technical specification"),
  doc("GB-200", "Toulouse", "Report", "Quality", "GB-200 first article inspection report"),
  doc("GB-200", "Toulouse", "Procedure", "Production", "GB-200 gear lubrication procedure"),
  doc("GB-350", "Lyon", "Drawing", "Engineering", "Output shaft GB-350 — drawing"),
  doc("GB-350", "Lyon", "Report", "Engineering", "GB-350 prototype endurance test report"),
  doc("LA-12", "Lyon", "Drawing", "Engineering", "Lead screw Tr16×4 — drawing"),
  doc("LA-12", "Lyon", "Specification", "Engineering", "Linear actuator LA-12 — datasheet"),
  doc("LA-12", "Lyon", "Procedure", "Quality", "LA-12 end-of-line test procedure"),
  doc("LA-25", "Lyon", "Specification", "Engineering", "Linear actuator LA-25 — design specification"),
  doc("SV-8", "Montréal", "Drawing", "Engineering", "Valve spool SV-8 — drawing"),
  doc("SV-8", "Montréal", "Procedure", "Production", "SV-8 flow calibration procedure"),
  doc("SV-8", "Montréal", "Report", "Purchasing", "SV-8 coil supplier audit report"),
  doc("PR-90", "Lyon", "Drawing", "Engineering", "Ring gear PR-90 — drawing"),
  doc("PR-90", "Lyon", "Specification", "Engineering", "PR-90 heat treatment specification"),
  doc("PR-90", "Lyon", "Report", "Quality", "PR-90 noise test report"),
  doc("ED-5", "Montréal", "Drawing", "Engineering", "Electric drive unit ED-5 — wiring diagram"),
  doc("ED-5", "Montréal", "Report", "Quality", "ED-5 EMC test report"),
  doc("CP-15", "Montréal", "Drawing", "Engineering", "Impeller CP-15 — drawing"),
  doc("CP-15", "Montréal", "Report", "Purchasing", "CP-15 end-of-life notice"),
  doc("CD-400", "Toulouse", "Drawing", "Engineering", "Conveyor drive CD-400 — general arrangement drawing"),
  doc("CD-400", "Toulouse", "Procedure", "Production", "CD-400 installation manual"),
  doc("HC-80", "Lyon", "Drawing", "Engineering", "Piston rod Ø40 — drawing"),
  doc("RI-6", "Toulouse", "Drawing", "Engineering", "Index plate RI-6 — drawing"),
  doc("RI-6", "Toulouse", "Specification", "Engineering", "Rotary indexer RI-6 — functional specification"),
  doc("GM-30", "Montréal", "Specification", "Engineering", "Compact gear motor GM-30 — technical specification"),
  doc("PRV-10", "Toulouse", "Drawing", "Engineering", "Regulator diaphragm PRV-10 — drawing"),
  doc("PRV-10", "Toulouse", "Report", "Quality", "PRV-10 burst test report"),
  doc(null, "Toulouse", "Procedure", "Production", "Toulouse shop-floor safety procedure"),
  doc(null, "Toulouse", "Procedure", "Quality", "Torque wrench calibration procedure"),
  doc(null, "Toulouse", "Specification", "Engineering", "General tolerancing standard (ISO 2768-mK)"),
  doc(null, "Toulouse", "Report", "Quality", "Quarterly quality review"),
  doc(null, "Lyon", "Procedure", "Quality", "Lyon incoming inspection procedure"),
  doc(null, "Lyon", "Report", "Purchasing", "Approved supplier list"),
  doc(null, "Lyon", "Procedure", "Production", "Welding procedure specification WPS-07"),
  doc(null, "Montréal", "Specification", "Purchasing", "Montréal supplier quality manual"),
];
