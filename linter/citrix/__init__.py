"""What Citrix publishes and the rules and the model read, each fact in one place.

- ``versions.py``: Citrix Licensing versions and the upgrade paths between them;
- ``windows_os.py``: the Windows Server releases and editions Licensing supports;
- ``activation.py``: the License Activation Service (dates, minimum versions).
"""
