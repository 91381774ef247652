"""CL207 license-dir-not-default."""

from collections.abc import Iterator

from cllint.findings import Finding, Severity, q
from cllint.model import Inventory
from cllint.rule import Context, Rule


def folder_key(path: str) -> str:
    """A Windows folder as Windows compares it: any case, ``/`` as ``\\``, no trailing ``\\``."""
    return path.strip().replace("/", "\\").rstrip("\\").casefold()


def my_files(install_path: str) -> str:
    """The folder the License Server reads license files from: ``<install_path>\\MyFiles``."""
    return install_path.strip().rstrip("\\/") + "\\MyFiles"


class LicenseDirNotDefault(Rule):
    """License files belong in ``<install_path>\\MyFiles``: the License Server reads no other.

    What:
        Fires at a declared ``licensing.license_dir`` that is not
        ``<install_path>\\MyFiles`` – the declared ``install_path``, else its
        default ``<storage>:\\Program Files\\Citrix\\Licensing``. Folders
        compare ignoring case and a trailing ``\\``. The drive is another
        rule's concern (CL203, CL205): ``F:\\Licenses`` is on the shared disk
        and still fires here. Silent when ``license_dir`` is not declared
        (the default is ``MyFiles``) or when the install path is unknown
        (no ``install_path`` and no ``licensing.storage``).

    Why:
        "After you download a license file, copy it to the F:\\Program
        Files\\Citrix\\Licensing\\MyFiles folder (where F: is the shared drive
        for the cluster) on the License Server and reread it." The License
        Server (``lmgrd`` started by the Citrix Licensing service) reads the
        license files of its ``MyFiles`` folder; a file copied anywhere else
        is never served, and ``lmreread`` does not find it.

    How to fix:
        Copy the license files to ``<install_path>\\MyFiles`` on the shared
        drive and reread them; set ``license_dir`` to that folder or remove it
        to use the default.

    Failing example:
        licensing:
          storage: F
          install_path: 'F:\\Program Files\\Citrix\\Licensing'
          license_dir: 'F:\\Licenses'

    Passing example:
        licensing:
          storage: F
          install_path: 'F:\\Program Files\\Citrix\\Licensing'
          license_dir: 'f:\\program files\\citrix\\licensing\\myfiles\\'
    """

    id = "CL207"
    name = "license-dir-not-default"
    severity = Severity.ERROR
    summary = (
        "a declared license_dir is not <install_path>\\MyFiles (case-insensitive, a trailing "
        "\\ ignored): the License Server reads license files only from its MyFiles folder"
    )
    tags = ("storage",)

    def check(self, inventory: Inventory, ctx: Context) -> Iterator[Finding]:
        lic = inventory.licensing
        if lic is None or not lic.has("license_dir") or lic.license_dir is None:
            return
        if lic.is_invalid("install_path") or not lic.install_path:
            return
        expected = my_files(lic.install_path)
        if folder_key(lic.license_dir) == folder_key(expected):
            return
        yield self.at(
            lic.ptr("license_dir"),
            f"license_dir {q(lic.license_dir)} is not the MyFiles folder of the install path "
            f"({q(expected)}); the License Server reads license files only from MyFiles – "
            f"copy them to {q(expected)} and set license_dir to it (or remove it)",
        )
