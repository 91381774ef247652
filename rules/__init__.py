"""Built-in rules: one module per rule, named after its id and name.

``BUILTIN`` lists them explicitly (no import-time registration). The families
follow the catalog: CL0 input, CL1 cluster and platform, CL2 storage, CL3
network, CL4 naming, CL5 installation, CL6 firewall and ports, CL7 license
files, CL8 products, CL9 online checks. Keep each family's block sorted by id.
"""

from cllint.rule import Rule

# CL0 – input
from cllint.rules.cl001_yaml_syntax import YamlSyntax
from cllint.rules.cl002_schema import Schema
from cllint.rules.cl003_duplicate_key import DuplicateKey
from cllint.rules.cl004_unknown_reference import UnknownReference
from cllint.rules.cl009_unused_suppression import UnusedSuppression

# CL1 – cluster and platform
from cllint.rules.cl101_too_few_nodes import TooFewNodes
from cllint.rules.cl102_unsupported_os import UnsupportedOs
from cllint.rules.cl103_mixed_os import MixedOs
from cllint.rules.cl104_cluster_not_validated import ClusterNotValidated
from cllint.rules.cl105_cluster_validation_warnings import ClusterValidationWarnings
from cllint.rules.cl106_mixed_domains import MixedDomains
from cllint.rules.cl107_node_not_domain_joined import NodeNotDomainJoined
from cllint.rules.cl108_hardware_differs import HardwareDiffers
from cllint.rules.cl109_duplicate_node_name import DuplicateNodeName

# CL2 – storage and install location
from cllint.rules.cl201_csv_storage import CsvStorage
from cllint.rules.cl202_third_party_volume import ThirdPartyVolume
from cllint.rules.cl203_quorum_storage import QuorumStorage
from cllint.rules.cl204_install_path_not_shared import InstallPathNotShared
from cllint.rules.cl205_license_dir_not_shared import LicenseDirNotShared
from cllint.rules.cl206_no_shared_storage import NoSharedStorage
from cllint.rules.cl207_license_dir_not_default import LicenseDirNotDefault

# CL3 – network
from cllint.rules.cl301_too_few_nics import TooFewNics
from cllint.rules.cl302_missing_private_nic import MissingPrivateNic
from cllint.rules.cl303_missing_public_nic import MissingPublicNic
from cllint.rules.cl304_shared_subnet import SharedSubnet
from cllint.rules.cl305_private_address_not_static import PrivateAddressNotStatic
from cllint.rules.cl306_public_address_dhcp import PublicAddressDhcp
from cllint.rules.cl307_dhcp_lease_risk import DhcpLeaseRisk
from cllint.rules.cl308_address_outside_subnet import AddressOutsideSubnet
from cllint.rules.cl309_duplicate_address import DuplicateAddress
from cllint.rules.cl310_cap_address_not_public import CapAddressNotPublic
from cllint.rules.cl311_unusable_address import UnusableAddress
from cllint.rules.cl312_node_without_internet import NodeWithoutInternet

# CL4 – naming and name resolution
from cllint.rules.cl401_missing_client_access_point import MissingClientAccessPoint
from cllint.rules.cl402_cap_name_too_long import CapNameTooLong
from cllint.rules.cl403_cap_name_invalid import CapNameInvalid
from cllint.rules.cl404_license_hostname_case import LicenseHostnameCase
from cllint.rules.cl405_license_hostname_mismatch import LicenseHostnameMismatch
from cllint.rules.cl406_name_collision import NameCollision
from cllint.rules.cl407_no_name_resolution import NoNameResolution

# CL5 – installation and upgrade
from cllint.rules.cl501_msi_installer import MsiInstaller
from cllint.rules.cl502_core_cluster_group import CoreClusterGroup
from cllint.rules.cl503_install_order import InstallOrder
from cllint.rules.cl504_last_node import LastNode
from cllint.rules.cl505_first_node_owner import FirstNodeOwner
from cllint.rules.cl506_upgrade_path import UpgradePath
from cllint.rules.cl507_downgrade import Downgrade
from cllint.rules.cl508_target_version_too_old import TargetVersionTooOld
from cllint.rules.cl509_license_server_too_old_for_las import LicenseServerTooOldForLas

# CL6 – firewall and ports
from cllint.rules.cl601_firewall_port_missing import FirewallPortMissing
from cllint.rules.cl602_firewall_program_rule import FirewallProgramRule
from cllint.rules.cl603_port_conflict import PortConflict
from cllint.rules.cl604_license_file_port_mismatch import LicenseFilePortMismatch

# CL7 – license files
from cllint.rules.cl701_license_file_missing import LicenseFileMissing
from cllint.rules.cl702_license_file_invalid import LicenseFileInvalid
from cllint.rules.cl703_license_expired import LicenseExpired
from cllint.rules.cl704_license_expiring import LicenseExpiring
from cllint.rules.cl705_license_path_escape import LicensePathEscape
from cllint.rules.cl706_no_license_files import NoLicenseFiles
from cllint.rules.cl708_file_licensing_retired import FileLicensingRetired

# CL8 – products
from cllint.rules.cl801_product_uses_node_name import ProductUsesNodeName
from cllint.rules.cl802_product_wrong_server import ProductWrongServer
from cllint.rules.cl803_product_port_mismatch import ProductPortMismatch
from cllint.rules.cl804_product_not_las_ready import ProductNotLasReady

# CL9 – online checks
from cllint.rules.cl901_cap_unresolvable import CapUnresolvable
from cllint.rules.cl902_cap_address_mismatch import CapAddressMismatch
from cllint.rules.cl903_node_unresolvable import NodeUnresolvable
from cllint.rules.cl904_reverse_mismatch import ReverseMismatch
from cllint.rules.cl905_dns_unavailable import DnsUnavailable

BUILTIN: tuple[type[Rule], ...] = (
    # CL0
    YamlSyntax,
    Schema,
    DuplicateKey,
    UnknownReference,
    UnusedSuppression,
    # CL1
    TooFewNodes,
    UnsupportedOs,
    MixedOs,
    ClusterNotValidated,
    ClusterValidationWarnings,
    MixedDomains,
    NodeNotDomainJoined,
    HardwareDiffers,
    DuplicateNodeName,
    # CL2
    CsvStorage,
    ThirdPartyVolume,
    QuorumStorage,
    InstallPathNotShared,
    LicenseDirNotShared,
    NoSharedStorage,
    LicenseDirNotDefault,
    # CL3
    TooFewNics,
    MissingPrivateNic,
    MissingPublicNic,
    SharedSubnet,
    PrivateAddressNotStatic,
    PublicAddressDhcp,
    DhcpLeaseRisk,
    AddressOutsideSubnet,
    DuplicateAddress,
    CapAddressNotPublic,
    UnusableAddress,
    NodeWithoutInternet,
    # CL4
    MissingClientAccessPoint,
    CapNameTooLong,
    CapNameInvalid,
    LicenseHostnameCase,
    LicenseHostnameMismatch,
    NameCollision,
    NoNameResolution,
    # CL5
    MsiInstaller,
    CoreClusterGroup,
    InstallOrder,
    LastNode,
    FirstNodeOwner,
    UpgradePath,
    Downgrade,
    TargetVersionTooOld,
    LicenseServerTooOldForLas,
    # CL6
    FirewallPortMissing,
    FirewallProgramRule,
    PortConflict,
    LicenseFilePortMismatch,
    # CL7
    LicenseFileMissing,
    LicenseFileInvalid,
    LicenseExpired,
    LicenseExpiring,
    LicensePathEscape,
    NoLicenseFiles,
    FileLicensingRetired,
    # CL8
    ProductUsesNodeName,
    ProductWrongServer,
    ProductPortMismatch,
    ProductNotLasReady,
    # CL9
    CapUnresolvable,
    CapAddressMismatch,
    NodeUnresolvable,
    ReverseMismatch,
    DnsUnavailable,
)
