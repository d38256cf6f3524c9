package gradbook.workbook;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;

/**
 * Checks the skeleton of an .xlsx package: every relationship of the package itself leads to a
 * part that is there, and one of them to the workbook. POI reads a package with a broken
 * relationship without complaint and then writes one that no program opens, so the template is
 * checked when it is read, and the package as written before the file is moved into place.
 */
final class PackageCheck {
    private PackageCheck() {
    }

    /** What is broken in {@code pkg}, or null when its skeleton is whole. */
    static String problem(OPCPackage pkg) {
        boolean workbook = false;
        try {
            for (PackageRelationship r : pkg.getRelationships()) {
                if (r.getTargetMode() == TargetMode.EXTERNAL) {
                    continue;
                }
                String target = r.getTargetURI().toString();
                if (!pkg.containPart(PackagingURIHelper.createPartName(
                        PackagingURIHelper.resolvePartUri(r.getSourceURI(), r.getTargetURI())))) {
                    return "its relationship " + r.getId() + " leads to " + target
                            + ", which is not in the file";
                }
                workbook |= r.getRelationshipType().equals(PackageRelationshipTypes.CORE_DOCUMENT)
                        || r.getRelationshipType().equals(
                                PackageRelationshipTypes.STRICT_CORE_DOCUMENT);
            }
        } catch (InvalidFormatException | RuntimeException e) {
            return "one of its relationships is broken (" + e.getMessage() + ")";
        }
        return workbook ? null : "nothing in it says where the workbook is";
    }
}
